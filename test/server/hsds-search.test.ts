/**
 * Search in the HSDS API folds Greek accents, final sigma and case, tolerates a typo and ranks exact matches above
 * accent-free ones above fuzzy ones, the same on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/server/db/types.ts';
import { seedId } from '../../src/server/seed/ids.ts';
import { PROGRAMMES } from '../../src/server/seed/programmes.ts';
import { getPage, serviceIds, sorted } from '../support/hsds.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';

/** Services made for the ranking test: one word, written exactly, without accents, mistyped, and in a description. */
const CARVING = [
  { key: 'test:carving-folded', name: 'Αρχαία ξυλογλυπτικη', description: 'Μαθήματα για αρχάριους.' },
  { key: 'test:carving-exact', name: 'Ωδείο και ξυλογλυπτική', description: 'Μαθήματα για αρχάριους.' },
  { key: 'test:carving-described', name: 'Βιβλιοθήκη της γειτονιάς', description: 'Δανειστική βιβλιοθήκη με τμήμα ξυλογλυπτικής.' },
  { key: 'test:carving-typo', name: 'Γλυπτική για όλους', description: 'Εργαστήρι: ξυλογλιπτική για αρχάριους.' },
];

async function addCarvingServices(db: Database) {
  for (const c of CARVING) {
    await db.query('INSERT INTO services (id, organization_id, name, description) VALUES ($1, $2, $3, $4)',
      [seedId(c.key), seedId('org:kentro'), c.name, c.description]);
  }
}

const names = async (s: TestServer, search: string) =>
  (await getPage(s, `/services?per_page=1000&search=${encodeURIComponent(search)}`)).contents.map((c) => c.name);

for (const backend of backends()) {
  describe(`HSDS search (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, setup: addCarvingServices });
    });
    after(() => s.close());

    it('finds the same services for παιδια, ΠΑΙΔΙΑ and παιδιά', async () => {
      const [plain, upper, accented] = await Promise.all(['παιδια', 'ΠΑΙΔΙΑ', 'παιδιά'].map((q) => serviceIds(s, { search: q })));
      assert.ok(plain!.includes(seedId('svc:children-learning')));
      assert.ok(plain!.length >= 3 && plain!.length < PROGRAMMES.length, `${plain!.length} results`);
      assert.deepEqual(sorted(upper!), sorted(plain!));
      assert.deepEqual(sorted(accented!), sorted(plain!));
    });

    it('finds the same services for γονεις, γονεισ and γονείς (final sigma)', async () => {
      const [plain, sigma, accented, upper] = await Promise.all(['γονεις', 'γονεισ', 'γονείς', 'ΓΟΝΕΊΣ'].map((q) => serviceIds(s, { search: q })));
      for (const key of ['svc:psychosocial', 'svc:children-learning', 'svc:school-dropout']) assert.ok(plain!.includes(seedId(key)), key);
      assert.deepEqual(sorted(sigma!), sorted(plain!));
      assert.deepEqual(sorted(accented!), sorted(plain!));
      assert.deepEqual(sorted(upper!), sorted(plain!));
    });

    it('still finds the services about παιδιά when the query has a typo (παιδα)', async () => {
      const typo = await serviceIds(s, { search: 'παιδα' });
      const right = await serviceIds(s, { search: 'παιδιά' });
      assert.ok(typo.includes(seedId('svc:children-learning')));
      for (const id of right) assert.ok(typo.includes(id), `${id} is found despite the typo`);
      assert.deepEqual(await serviceIds(s, { search: 'ξζψ' }), [], 'nonsense finds nothing');
      // Iotacism, a common Greek misspelling: ψιχολόγος for ψυχολόγος.
      assert.deepEqual(await serviceIds(s, { search: 'ψιχολογος' }), [seedId('svc:psychosocial')]);
      // A typo in a name still ranks the service whose name it is first.
      assert.equal((await getPage(s, `/services?search=${encodeURIComponent('εθελοντησμος')}`)).contents[0]?.id, seedId('svc:volunteer-network'));
    });

    it('searches the names of linked terms too, and needs every word to match', async () => {
      // "Νομική βοήθεια" is a term of the needs taxonomy, not written in any service's own text.
      const legal = await serviceIds(s, { search: 'νομικη βοηθεια' });
      assert.deepEqual(sorted(legal), sorted([seedId('svc:referral'), seedId('svc:mobile-unit')]));
      const roma = await serviceIds(s, { search: 'ρομα' });
      const children = await serviceIds(s, { search: 'παιδια' });
      const both = await serviceIds(s, { search: 'Ρομά, παιδιά!' });
      assert.ok(both.length > 0);
      assert.deepEqual(sorted(both), sorted(roma.filter((id) => children.includes(id))));
    });

    it('ranks exact matches above accent-free ones above fuzzy ones, name hits first, then by name', async () => {
      assert.deepEqual(await names(s, 'ξυλογλυπτική'), [
        'Ωδείο και ξυλογλυπτική', // exact, in the name
        'Βιβλιοθήκη της γειτονιάς', // exact, in the description
        'Αρχαία ξυλογλυπτικη', // accents differ: folded match, though first by name
        'Γλυπτική για όλους', // a typo: fuzzy
      ]);
      // Without accents in the query nothing is exact: folded matches come by name hits, then by name.
      assert.deepEqual(await names(s, 'ΞΥΛΟΓΛΥΠΤΙΚΗ'), ['Αρχαία ξυλογλυπτικη', 'Ωδείο και ξυλογλυπτική', 'Βιβλιοθήκη της γειτονιάς', 'Γλυπτική για όλους']);
    });

    it('ranks the same way when combined with paging', async () => {
      const first = await getPage(s, `/services?per_page=2&search=${encodeURIComponent('ξυλογλυπτική')}`);
      const second = await getPage(s, `/services?per_page=2&page=2&search=${encodeURIComponent('ξυλογλυπτική')}`);
      assert.equal(first.total_items, 4);
      assert.deepEqual([...first.contents, ...second.contents].map((c) => c.name), await names(s, 'ξυλογλυπτική'));
    });

    it('folds the search of taxonomy terms, taxonomies, organizations and services at locations', async () => {
      const terms = await getPage(s, `/taxonomy_terms?search=${encodeURIComponent('ΕΠΙΔΟΜΑΤΑ')}`);
      const inName = terms.contents.map((t) => /επιδόματα/i.test(t.name ?? ''));
      assert.ok(terms.contents.some((t) => t.name === 'Επιδόματα'));
      assert.ok(inName.includes(false), 'terms that mention it only in their description are found too');
      assert.deepEqual(inName, [...inName].sort().reverse(), 'name hits come first');
      const typo = await getPage(s, `/taxonomy_terms?search=${encodeURIComponent('εθελοντησμος')}`);
      assert.ok(typo.contents.some((t) => t.name === 'Εθελοντισμός'));
      assert.deepEqual((await getPage(s, '/taxonomies?search=ομαδες')).contents.map((t) => t.name), ['Ομάδες-στόχος']);
      assert.equal((await getPage(s, '/organizations?search=αιγειρου')).total_items, 1);
      const places = await getPage(s, `/service_at_locations?per_page=1000&search=${encodeURIComponent('κινητη μοναδα')}`);
      assert.ok(places.contents.length > 0);
      assert.ok(places.contents.every((p) => p.service_id === seedId('svc:mobile-unit') || (p.service as { name: string }).name));
    });

    it('treats the query as data: quotes, wildcards and SQL find nothing special', async () => {
      assert.deepEqual(await serviceIds(s, { search: "'; DELETE FROM services; --" }), []);
      assert.deepEqual(await serviceIds(s, { search: 'παιδ%' }), await serviceIds(s, { search: 'παιδ' }));
      assert.deepEqual(await serviceIds(s, { search: '_' }), await serviceIds(s), 'no words: no filter');
      assert.equal((await getPage(s, '/services')).total_items, PROGRAMMES.length + CARVING.length);
    });
  });
}
