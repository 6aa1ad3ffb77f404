/**
 * Filters of the HSDS API on the seeded demo centre: the HSDS ones (taxonomy term and taxonomy, organization,
 * modified_after), Kentro's extensions (location, language, age), their AND combination, and the term tree.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { seedId } from '../../src/server/seed/ids.ts';
import { PROGRAMMES } from '../../src/server/seed/programmes.ts';
import { AUDIENCE_GROUPS, NEEDS, TAXONOMIES } from '../../src/server/seed/taxonomies.ts';
import type { SeedProgramme } from '../../src/server/seed/types.ts';
import { expectValidationProblem, getPage, serviceIds, sorted } from '../support/hsds.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';

/** Ids of the seed programmes that satisfy `test`, sorted. */
const expected = (test: (p: SeedProgramme) => boolean) => sorted(PROGRAMMES.filter(test).map((p) => seedId(p.key)));

const inAgeRange = (p: SeedProgramme, age: number) => (p.minimumAge ?? 0) <= age && age <= (p.maximumAge ?? Infinity);

for (const backend of backends()) {
  describe(`HSDS filters (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true });
    });
    after(() => s.close());

    it('filters by taxonomy term, including the terms below it', async () => {
      assert.deepEqual(sorted(await serviceIds(s, { taxonomy_term_id: seedId('need:benefits:gmi') })), [seedId('svc:kea')]);
      const below = ['need:children', 'need:children:learning', 'need:children:creative', 'need:children:dropout'];
      assert.deepEqual(sorted(await serviceIds(s, { taxonomy_term_id: seedId('need:children') })), expected((p) => p.needs.some((n) => below.includes(n))));
      assert.deepEqual(sorted(await serviceIds(s, { taxonomy_term_id: seedId('group:roma') })), expected((p) => p.audiences.includes('roma')));
      assert.deepEqual(await serviceIds(s, { taxonomy_term_id: randomUUID() }), []);
    });

    it('filters by taxonomy: services linked to some term of it', async () => {
      const needs = await serviceIds(s, { taxonomy_id: seedId(NEEDS.key) });
      assert.deepEqual(sorted(needs), expected((p) => p.needs.length > 0));
      const groups = await serviceIds(s, { taxonomy_id: seedId('tax:groups') });
      assert.deepEqual(sorted(groups), expected((p) => p.audiences.some((a) => AUDIENCE_GROUPS[a])));
      assert.deepEqual(await serviceIds(s, { taxonomy_id: randomUUID() }), []);
    });

    it('filters by organization', async () => {
      assert.equal((await serviceIds(s, { organization_id: seedId('org:kentro') })).length, PROGRAMMES.length);
      assert.deepEqual(await serviceIds(s, { organization_id: randomUUID() }), []);
    });

    it('filters by location (Kentro extension): the Roma branch, a village of the mobile unit', async () => {
      for (const location of ['loc:roma-branch', 'loc:village:kastania', 'loc:centre']) {
        assert.deepEqual(sorted(await serviceIds(s, { location_id: seedId(location) })), expected((p) => p.locations.includes(location)), location);
      }
      const places = await getPage(s, `/service_at_locations?per_page=1000&location_id=${seedId('loc:roma-branch')}`);
      assert.ok(places.total_items > 0);
      assert.ok(places.contents.every((x) => x.location_id === seedId('loc:roma-branch')));
    });

    it('filters by language (Kentro extension), ISO 639-1 or 639-3, in any case', async () => {
      assert.deepEqual(sorted(await serviceIds(s, { language: 'rom' })), expected((p) => p.languages.includes('rom')));
      const arabic = expected((p) => p.languages.includes('ar'));
      assert.ok(arabic.length > 0 && arabic.length < PROGRAMMES.length);
      assert.deepEqual(sorted(await serviceIds(s, { language: 'ar' })), arabic);
      assert.deepEqual(sorted(await serviceIds(s, { language: 'AR' })), arabic);
      assert.deepEqual(await serviceIds(s, { language: 'zu' }), []);
      await expectValidationProblem(s, '/api/hsds/services?language=arabic', 'language');
    });

    it('filters by age (Kentro extension): services whose age range includes it, or that have none', async () => {
      for (const age of [0, 5, 8, 12, 13, 16, 18, 40]) {
        assert.deepEqual(sorted(await serviceIds(s, { age: String(age) })), expected((p) => inAgeRange(p, age)), `age ${age}`);
      }
      const eight = await serviceIds(s, { age: '8' });
      assert.ok(eight.includes(seedId('svc:children-learning')) && eight.includes(seedId('svc:reception')));
      assert.ok(!eight.includes(seedId('svc:vocational-guidance')) && !eight.includes(seedId('svc:employment')));
      await expectValidationProblem(s, '/api/hsds/services?age=-1', 'age');
      await expectValidationProblem(s, '/api/hsds/services?age=eight', 'age');
    });

    it('combines every filter with AND', async () => {
      const filters = {
        taxonomy_id: seedId('tax:groups'), taxonomy_term_id: seedId('group:roma'), organization_id: seedId('org:kentro'),
        location_id: seedId('loc:roma-branch'), language: 'ar', age: '8', search: 'παιδιά', modified_after: '2000-01-01',
      };
      let intersection: string[] | undefined;
      for (const [name, value] of Object.entries(filters)) {
        const ids = await serviceIds(s, { [name]: value });
        intersection = intersection ? intersection.filter((id) => ids.includes(id)) : ids;
      }
      const combined = await serviceIds(s, filters);
      assert.ok(combined.length > 0, 'the combination is not empty, so the test says something');
      assert.ok(combined.length < PROGRAMMES.length);
      assert.deepEqual(sorted(combined), sorted(intersection!));
      assert.deepEqual(sorted(combined), expected((p) =>
        p.audiences.includes('roma') && p.locations.includes('loc:roma-branch') && p.languages.includes('ar') && inAgeRange(p, 8)));
    });

    it('lists top-level terms, the children of a term, and the terms of one taxonomy', async () => {
      const top = await getPage(s, '/taxonomy_terms?top_only=true&per_page=1000');
      assert.equal(top.total_items, TAXONOMIES.reduce((n, t) => n + t.terms.length, 0));
      assert.ok(top.contents.every((t) => t.parent_id === undefined));
      const children = await getPage(s, `/taxonomy_terms?parent_id=${seedId('need:children')}`);
      assert.deepEqual(children.contents.map((t) => t.name), ['Μαθησιακή υποστήριξη', 'Δημιουργική απασχόληση', 'Πρόληψη της σχολικής διαρροής']);
      const groups = await getPage(s, `/taxonomy_terms?per_page=1000&taxonomy_id=${seedId('tax:groups')}`);
      assert.ok(groups.contents.every((t) => t.taxonomy_id === seedId('tax:groups')));
      assert.equal(groups.contents[0]?.name, 'Οικογένειες με παιδιά', 'in display order');
      const all = await getPage(s, '/taxonomy_terms?top_only=false&per_page=1000');
      const parents = all.contents.map((t) => t.parent_id).filter(Boolean);
      for (const parent of parents) {
        const at = all.contents.findIndex((t) => t.id === parent);
        assert.ok(at >= 0, 'every parent is listed');
      }
      assert.equal((await getPage(s, `/taxonomy_terms?top_only=true&parent_id=${seedId('need:children')}`)).total_items, 0, 'AND');
    });

    it('filters by modified_after, which follows changes to a service and to what belongs to it', async () => {
      await s.db.query(`UPDATE services SET updated_at = '2020-01-01T00:00:00Z'`);
      // Touch one service through one of its phones: the trigger moves its last_modified to now.
      await s.db.query(`UPDATE phones SET description = description || ' ' WHERE service_id = $1`, [seedId('svc:kea')]);
      const recent = await serviceIds(s, { modified_after: '2021-06-01' });
      assert.deepEqual(recent, [seedId('svc:kea')]);
      assert.equal((await serviceIds(s, { modified_after: '2020-01-01T02:00:00+02:00' })).length, PROGRAMMES.length, 'on or after, with an offset');
      assert.equal((await serviceIds(s, { modified_after: '2020-01-01T02:00:01+02:00' })).length, 1);
      const page = await getPage(s, `/services?modified_after=2021-06-01`);
      assert.ok(Date.parse(String(page.contents[0]?.last_modified)) > Date.parse('2021-06-01'));
      const places = await getPage(s, '/service_at_locations?per_page=1000&modified_after=2021-06-01');
      assert.ok(places.contents.every((x) => x.service_id === seedId('svc:kea')) && places.total_items > 0);
      await expectValidationProblem(s, '/api/hsds/services?modified_after=last%20week', 'modified_after');
    });
  });
}
