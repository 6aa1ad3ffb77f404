/**
 * The HSDS 3.0 API on the seeded demo centre: every document validates against the official schemas, pages are
 * correct, unknown ids and bad parameters are problems, and nothing a query string holds makes it fail.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import { seedId } from '../../src/server/seed/ids.ts';
import { PROGRAMMES } from '../../src/server/seed/programmes.ts';
import { TAXONOMIES } from '../../src/server/seed/taxonomies.ts';
import { explain, hsds, type Validator } from '../support/hsds-schemas.ts';
import { expectValidationProblem, getJson, getPage, type HsdsItem, type HsdsPage } from '../support/hsds.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';

const ORIGIN = 'https://www.council.example';

function expectValid(validate: Validator, doc: unknown, what: string) {
  assert.ok(validate(doc), `${what} is not valid HSDS 3.0:\n${explain(validate)}`);
}

/** Documents of one fully nested service, for looking inside. */
interface FullService extends HsdsItem {
  minimum_age?: number;
  maximum_age?: number;
  schedules: { byday: string; freq: string; opens_at: string; closes_at: string }[];
  service_at_locations: {
    location_id: string;
    schedules: { freq: string; byday: string; opens_at: string }[];
    location: {
      addresses: Record<string, string>[];
      accessibility: { description: string }[];
      transportation?: string;
      schedules: { freq: string; byday: string; opens_at: string; closes_at: string }[];
    };
  }[];
  languages: { code: string; name: string }[];
  cost_options: { option: string; amount: number; currency: string }[];
  required_documents: { document: string }[];
  phones: { number: string; languages: { code: string }[] }[];
  attributes: { link_type: string; taxonomy_term: { id: string; name: string; description: string; taxonomy_detail: { name: string } } }[];
}

const TERM_COUNT = TAXONOMIES.flatMap((t) => t.terms.flatMap((term) => [term, ...(term.children ?? [])])).length;

for (const backend of backends()) {
  describe(`HSDS API documents (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { allowedOrigins: [ORIGIN] } });
    });
    after(() => s.close());

    it('describes itself at /api/hsds/, publicly cacheable and open to the council origins', async () => {
      const res = await s.fetch('/api/hsds/', { headers: { Origin: ORIGIN } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { version: string; openapi_url: string };
      expectValid(hsds.base, body, 'GET /');
      assert.equal(body.version, '3.0');
      assert.equal(body.openapi_url, `${s.url}/api/openapi.json`);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      const refused = await s.fetch('/api/hsds/services', { headers: { Origin: 'https://evil.example' } });
      assert.equal(refused.status, 403);
    });

    it('lists services in the HSDS list form, each with its organization', async () => {
      const page = await getPage(s, '/services');
      expectValid(hsds.servicePage, page, 'GET /services');
      assert.equal(page.total_items, PROGRAMMES.length);
      assert.deepEqual(new Set(page.contents.map((c) => c.id)), new Set(PROGRAMMES.map((p) => seedId(p.key))));
      for (const c of page.contents) {
        assert.equal((c.organization as HsdsItem).id, seedId('org:kentro'));
        assert.equal(c.service_at_locations, undefined, 'the list form has no nested lists');
      }
    });

    it('lists fully nested services with full=true, all of them valid as services', async () => {
      const page = await getPage<FullService>(s, '/services?full=true&per_page=1000');
      expectValid(hsds.fullServicePage, page, 'GET /services?full=true');
      assert.equal(page.size, PROGRAMMES.length);
      for (const c of page.contents) {
        expectValid(hsds.service, c, `service ${c.name}`);
        assert.ok(c.service_at_locations.length > 0 && c.languages.length > 0 && c.phones.length > 0, c.name);
        assert.ok(c.eligibility_description && c.application_process && c.interpretation_services && c.fees_description, c.name);
        assert.deepEqual(new Set(c.attributes.map((a) => a.link_type)), new Set(['need', 'audience']), `${c.name} has needs and target groups`);
        assert.deepEqual(c.cost_options.map((o) => [o.option, o.amount, o.currency]), [['Δωρεάν', 0, 'EUR']]);
      }
    });

    it('answers a service fully nested: where, when, who answers, what it costs, what to bring, which needs', async () => {
      const { status, headers, body } = await getJson<FullService>(s, `/api/hsds/services/${seedId('svc:mobile-unit')}`);
      assert.equal(status, 200);
      assert.equal(headers.get('cache-control'), 'public, max-age=60');
      expectValid(hsds.service, body, 'GET /services/{id}');
      const kastania = body.service_at_locations.find((x) => x.location_id === seedId('loc:village:kastania'));
      assert.ok(kastania, 'the mobile unit stops at Kastania');
      assert.deepEqual(kastania.schedules.map((x) => [x.freq, x.byday, x.opens_at]), [['MONTHLY', '1TU', '09:00']]);
      const address = kastania.location.addresses[0]!;
      assert.equal(address.state_province, 'Τρίκαλα');
      assert.equal(address.country, 'GR');
      assert.equal(address.address_type, 'physical');
      assert.ok(address.postal_code && address.city === 'Καστανιά');
      assert.ok(kastania.location.accessibility[0]?.description);
      assert.ok(body.phones.some((p) => p.number === '+30 24310 55160'));
      assert.ok(body.attributes.some((a) => a.link_type === 'need' && a.taxonomy_term.taxonomy_detail.name === 'Ανάγκες'));
      assert.ok(body.attributes.every((a) => a.taxonomy_term.description));
    });

    it('gives hours as RRULE fields: weekly hours of the centre, Tuesday and Thursday of a service', async () => {
      const { body } = await getJson<FullService>(s, `/api/hsds/services/${seedId('svc:employment')}`);
      assert.deepEqual(body.schedules.map((x) => [x.freq, x.byday, x.opens_at, x.closes_at]), [['WEEKLY', 'TU,TH', '09:00', '13:00']]);
      const centre = body.service_at_locations[0]!.location;
      assert.ok(centre.schedules.some((x) => x.freq === 'WEEKLY' && x.byday === 'MO,TU,WE,TH,FR' && x.opens_at === '08:00' && x.closes_at === '15:00'));
      assert.match(centre.transportation ?? '', /Δημαρχείο/);
    });

    it('carries ages, languages, interpretation and required documents', async () => {
      const { body } = await getJson<FullService>(s, `/api/hsds/services/${seedId('svc:children-learning')}`);
      assert.equal(body.minimum_age, 5);
      assert.equal(body.maximum_age, 12);
      assert.deepEqual(body.languages.map((l) => l.code), ['el', 'rom', 'ar']);
      assert.deepEqual(body.languages.map((l) => l.name), ['Ελληνικά', 'Ρομανί', 'Αραβικά']);
      assert.ok(body.interpretation_services);
      assert.ok(body.required_documents.some((d) => d.document === 'ΑΜΚΑ του παιδιού'));
      const roma = body.phones.find((p) => p.number === '+30 24310 55140');
      assert.deepEqual(roma?.languages.map((l) => l.code), ['el', 'rom']);
    });

    it('serves taxonomies, terms, services at locations and organizations as valid HSDS', async () => {
      const taxonomies = await getPage(s, '/taxonomies');
      expectValid(hsds.taxonomyPage, taxonomies, 'GET /taxonomies');
      assert.deepEqual(taxonomies.contents.map((t) => t.name), ['Ανάγκες', 'Ομάδες-στόχος']);
      expectValid(hsds.taxonomy, (await getJson(s, `/api/hsds/taxonomies/${seedId('tax:groups')}`)).body, 'GET /taxonomies/{id}');

      const terms = await getPage(s, '/taxonomy_terms?per_page=1000');
      expectValid(hsds.taxonomyTermPage, terms, 'GET /taxonomy_terms');
      assert.equal(terms.total_items, TERM_COUNT);
      const term = (await getJson<HsdsItem>(s, `/api/hsds/taxonomy_terms/${seedId('need:children:learning')}`)).body;
      expectValid(hsds.taxonomyTerm, term, 'GET /taxonomy_terms/{id}');
      assert.equal(term.parent_id, seedId('need:children'));
      assert.equal(term.taxonomy_id, seedId('tax:needs'));

      const places = await getPage(s, '/service_at_locations?per_page=1000');
      expectValid(hsds.serviceAtLocationPage, places, 'GET /service_at_locations');
      assert.equal(places.total_items, PROGRAMMES.reduce((n, p) => n + p.locations.length, 0));
      expectValid(hsds.fullServiceAtLocationPage, await getPage(s, '/service_at_locations?full=true&per_page=7'), 'GET /service_at_locations?full=true');
      const place = (await getJson<HsdsItem>(s, `/api/hsds/service_at_locations/${seedId('svc:kea@loc:roma-branch')}`)).body;
      expectValid(hsds.serviceAtLocation, place, 'GET /service_at_locations/{id}');
      assert.equal((place.service as HsdsItem).id, seedId('svc:kea'));

      expectValid(hsds.organizationPage, await getPage(s, '/organizations'), 'GET /organizations');
      const organization = (await getJson<HsdsItem>(s, `/api/hsds/organizations/${seedId('org:kentro')}`)).body;
      expectValid(hsds.organization, organization, 'GET /organizations/{id}');
      assert.equal((organization.services as unknown[]).length, PROGRAMMES.length);
    });

    it('has validators that reject a broken document (the schema checks can fail)', async () => {
      const { body } = await getJson<FullService>(s, `/api/hsds/services/${seedId('svc:mobile-unit')}`);
      assert.ok(hsds.service(body));
      const noProvince = structuredClone(body);
      delete noProvince.service_at_locations[0]!.location.addresses[0]!.state_province;
      assert.equal(hsds.service(noProvince), false);
      assert.match(explain(hsds.service), /state_province/);
      assert.equal(hsds.service({ ...body, status: 'open' }), false);
      assert.equal(hsds.service({ ...body, alternate_name: null }), false, 'null is not a string');
      assert.equal(hsds.service({ ...body, id: 'svc-1' }), false, 'ids are UUIDs');
      const page = await getPage(s, '/services');
      assert.equal(hsds.servicePage({ ...page, empty: undefined }), false);
    });

    it('pages with the HSDS page object, covering every service exactly once', async () => {
      const pages: HsdsPage[] = [];
      for (let n = 1; n <= 4; n++) pages.push(await getPage(s, `/services?per_page=5&page=${n}`));
      const total = PROGRAMMES.length;
      const [first, second, third, past] = pages as [HsdsPage, HsdsPage, HsdsPage, HsdsPage];
      assert.deepEqual(
        { ...first, contents: undefined },
        { total_items: total, total_pages: Math.ceil(total / 5), page_number: 1, size: 5, first_page: true, last_page: false, empty: false, contents: undefined },
      );
      assert.equal(second.first_page, false);
      assert.equal(second.last_page, false);
      assert.equal(third.size, total - 10);
      assert.equal(third.last_page, true);
      assert.deepEqual({ ...past, contents: past.contents.length }, {
        total_items: total, total_pages: 3, page_number: 4, size: 0, first_page: false, last_page: true, empty: true, contents: 0,
      });
      const ids = pages.flatMap((p) => p.contents.map((c) => c.id));
      assert.equal(new Set(ids).size, total);
      assert.deepEqual(ids, (await getPage(s, '/services?per_page=1000')).contents.map((c) => c.id), 'pages follow the same order');
      const empty = await getPage(s, `/services?organization_id=${randomUUID()}`);
      assert.deepEqual(empty, { total_items: 0, total_pages: 1, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] });
    });

    it('defaults to 50 per page and refuses per_page and page out of bounds with a 400 problem naming the field', async () => {
      assert.equal((await getPage(s, '/taxonomy_terms')).size, Math.min(50, TERM_COUNT));
      assert.equal((await getPage(s, '/taxonomy_terms?per_page=1000')).size, TERM_COUNT);
      for (const bad of ['0', '1001', '-5', '2.5', 'abc', '']) {
        await expectValidationProblem(s, `/api/hsds/services?per_page=${bad}`, 'per_page');
        await expectValidationProblem(s, `/api/hsds/taxonomy_terms?per_page=${bad}`, 'per_page');
      }
      await expectValidationProblem(s, '/api/hsds/services?page=0', 'page');
      await expectValidationProblem(s, '/api/hsds/organizations?page=x', 'page');
      await expectValidationProblem(s, '/api/hsds/services?full=yes', 'full');
      await expectValidationProblem(s, `/api/hsds/services?search=${'α'.repeat(201)}`, 'search');
    });

    it('answers unknown or malformed ids with a 404 problem on every /{id} route', async () => {
      for (const kind of ['services', 'taxonomies', 'taxonomy_terms', 'service_at_locations', 'organizations']) {
        for (const id of [randomUUID(), 'not-a-uuid', seedId('nothing'), '%00', `${randomUUID()}x`]) {
          const res = await s.fetch(`/api/hsds/${kind}/${id}`);
          assert.equal(res.status, 404, `${kind}/${id}`);
          assert.equal(res.headers.get('content-type'), 'application/problem+json');
          assert.equal(((await res.json()) as { type: string }).type, PROBLEM_TYPES.notFound);
        }
      }
    });

    it('never fails on junk in the query string: 200 or a 400 problem', async () => {
      const junk = [
        'search=%00', 'search=%ZZ', 'search=%ED%A0%80', 'search=%FF%FE%FD', 'search=%25%25_%5C', `search=${encodeURIComponent("'; DROP TABLE services; --")}`,
        'search=' + encodeURIComponent('παιδιά '.repeat(28)), 'search=%E2%80%AE%CC%81', 'page=1&page=2', 'per_page=1e3', 'page=99999999999999999999',
        'page=9007199254740991', 'taxonomy_term_id=nope', 'taxonomy_id=%27', 'organization_id=00000000-0000-0000-0000-00000000000g',
        'location_id[]=x', 'modified_after=yesterday', 'modified_after=2026-02-30', 'modified_after=2026-13-01T00:00:00Z', 'language=%27%3B',
        'language=xxxx', 'age=-1', 'age=999', 'age=NaN', 'full=1', 'search[]=a', '%00=%00', '=&&=', 'search=' + '%F0%9F%91%8D'.repeat(50),
      ];
      for (const query of junk) {
        for (const path of ['/services', '/service_at_locations', '/taxonomy_terms', '/taxonomies', '/organizations']) {
          const res = await s.fetch(`/api/hsds${path}?${query}`);
          assert.ok(res.status === 200 || res.status === 400, `${path}?${query} → ${res.status}`);
          await res.body?.cancel();
        }
      }
      assert.equal((await getPage(s, '/services')).total_items, PROGRAMMES.length, 'the services are all still there');
    });

    it('nests a page of services in a fixed number of queries, however many services it holds', async () => {
      const original = s.db.query;
      let queries = 0;
      s.db.query = ((sql: string, params?: readonly unknown[]) => {
        queries += 1;
        return original.call(s.db, sql, params);
      }) as typeof s.db.query;
      try {
        const countFor = async (path: string) => {
          queries = 0;
          await getPage(s, path);
          return queries;
        };
        const one = await countFor('/services?full=true&per_page=1');
        const all = await countFor('/services?full=true&per_page=1000');
        assert.equal(all, one, `${all} queries for every service, ${one} for one`);
        assert.ok(all <= 12, `${all} queries`);
        assert.equal(await countFor('/service_at_locations?full=true&per_page=1000'), await countFor('/service_at_locations?full=true&per_page=1'));
      } finally {
        s.db.query = original;
      }
    });
  });
}
