/**
 * `GET /events` and `GET /events/{id}` on the seeded demo centre plus fixture series at fixed 2026 dates: windows,
 * filters, Greek search, daylight saving, EXDATEs, overrides, stable ids, next occurrences, and problems for bad
 * input (never a 5xx), on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PROBLEM_TYPES, type Problem } from '../../src/contract/common.ts';
import { EventList, EventOccurrence } from '../../src/contract/events.ts';
import { loadMigrations, migrate } from '../../src/server/db/migrate.ts';
import type { Database } from '../../src/server/db/types.ts';
import { EVENTS_SEED_MARKER } from '../../src/server/seed/calendar.ts';
import { addDays, addMonths, localToday, nthWeekdayOfMonth, onOrAfter } from '../../src/server/seed/dates.ts';
import { seedId } from '../../src/server/seed/ids.ts';
import { seedDatabase } from '../../src/server/seed/index.ts';
import { VILLAGES } from '../../src/server/seed/organization.ts';
import { getEvents, insertEvent, occurrencesOf, TZ } from '../support/events.ts';
import { backends, openTestDatabase, startTestServer, type TestDatabase, type TestServer } from '../support/server.ts';

/** Fixture ids, fixed so failures name them. */
const YOGA = '0a0a0a0a-0000-4000-8000-000000000001';
const ONLINE_TALK = '0a0a0a0a-0000-4000-8000-000000000002';
const NEXT_SERIES = '0a0a0a0a-0000-4000-8000-000000000003';
const ENDED_SERIES = '0a0a0a0a-0000-4000-8000-000000000004';

/** The seed is placed around this instant and the expectations computed from it: one "today" for both. */
const seedNow = new Date();
const today = localToday(TZ, seedNow);
const tomorrow = addDays(today, 1);

async function fixtures(db: Database) {
  // Weekly on Thursdays 10:00–11:00 from 5 March 2026, across both DST changes, with its exceptions.
  await insertEvent(db, {
    id: YOGA, title: 'Γιόγκα για ΌΛΟΥΣ', description: 'Ήπια άσκηση για ενήλικες κάθε Πέμπτη.', category: 'community',
    locationId: seedId('loc:centre'), start: '2026-03-05T10:00', end: '2026-03-05T11:00', rrule: 'FREQ=WEEKLY;BYDAY=TH',
    registration: { kind: 'open', capacity: 12, placesLeft: 4 },
    exdates: ['2026-04-09T10:00'],
    overrides: [
      { occurrence: '2026-04-16T10:00', start: '2026-04-17T12:00', end: '2026-04-17T13:00', statusNote: 'Μεταφέρεται την Παρασκευή.' },
      { occurrence: '2026-04-23T10:00', status: 'cancelled', statusNote: 'Ακυρώνεται: η αίθουσα χρειάζεται για εκλογές.' },
      { occurrence: '2026-04-30T10:00', title: 'Γιόγκα στην αυλή: ανοιξιάτικη έκδοση', locationId: seedId('loc:roma-branch') },
      { occurrence: '2026-05-07T10:00', start: '2026-05-30T10:00', end: '2026-05-30T11:00' },
      { occurrence: '2026-05-14T10:00', status: 'moved-online' },
    ],
  });
  await insertEvent(db, {
    id: ONLINE_TALK, title: 'Διαδικτυακή ομιλία για γονείς', category: 'seminar', online: true,
    start: '2026-05-20T19:00', end: '2026-05-20T20:00', registration: { kind: 'link', url: 'https://example.org/register' },
  });
  // Daily from tomorrow 10:00; tomorrow's is cancelled, so the next occurrence that takes place is the day after.
  await insertEvent(db, {
    id: NEXT_SERIES, title: 'Καθημερινή ενημέρωση', category: 'information-day', locationId: seedId('loc:centre'),
    start: `${tomorrow}T10:00`, end: `${tomorrow}T10:30`, rrule: 'FREQ=DAILY',
    overrides: [{ occurrence: `${tomorrow}T10:00`, status: 'cancelled' }],
  });
  await insertEvent(db, {
    id: ENDED_SERIES, title: 'Παλιό εργαστήρι', category: 'other', start: '2025-01-07T18:00', end: '2025-01-07T19:00',
    rrule: 'FREQ=WEEKLY;COUNT=3',
  });
}

const problemOf = async (s: TestServer, path: string) => {
  const res = await s.fetch(path);
  const body = (await res.json()) as Problem;
  return { status: res.status, type: res.headers.get('content-type'), body };
};

async function expectInvalid(s: TestServer, query: string, field: string) {
  const { status, type, body } = await problemOf(s, `/api/events?${query}`);
  assert.equal(status, 400, query);
  assert.equal(type, 'application/problem+json');
  assert.equal(body.type, PROBLEM_TYPES.validation);
  assert.ok(body.errors?.some((e) => e.path.join('.') === field), `${query}: errors name ${field}: ${JSON.stringify(body.errors)}`);
}

for (const backend of backends()) {
  describe(`events API (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, seedNow, setup: fixtures });
    });
    after(() => s.close());

    describe('daylight saving', () => {
      it('keeps a weekly 10:00 at 10:00 local across 29 March 2026 (+02:00 → +03:00)', async () => {
        const got = await occurrencesOf(s, YOGA, '2026-03-19', '2026-04-05');
        assert.deepEqual(got.map((o) => [o.id, o.start, o.end]), [
          [`${YOGA}_20260319T1000`, '2026-03-19T10:00:00+02:00', '2026-03-19T11:00:00+02:00'],
          [`${YOGA}_20260326T1000`, '2026-03-26T10:00:00+02:00', '2026-03-26T11:00:00+02:00'],
          [`${YOGA}_20260402T1000`, '2026-04-02T10:00:00+03:00', '2026-04-02T11:00:00+03:00'],
        ]);
      });

      it('keeps a weekly 10:00 at 10:00 local across 25 October 2026 (+03:00 → +02:00)', async () => {
        const got = await occurrencesOf(s, YOGA, '2026-10-15', '2026-11-05');
        assert.deepEqual(got.map((o) => o.start), [
          '2026-10-15T10:00:00+03:00', '2026-10-22T10:00:00+03:00', '2026-10-29T10:00:00+02:00', '2026-11-05T10:00:00+02:00',
        ]);
        assert.ok(got.every((o) => o.recurring === true && o.seriesId === YOGA && o.status === 'scheduled'));
      });
    });

    describe('exceptions of a series', () => {
      it('leaves out an EXDATE, moves one occurrence and keeps a cancelled one with its status', async () => {
        const got = await occurrencesOf(s, YOGA, '2026-04-06', '2026-04-26');
        assert.deepEqual(got.map((o) => [o.id, o.start, o.status, o.originalStart ?? null]), [
          [`${YOGA}_20260416T1000`, '2026-04-17T12:00:00+03:00', 'scheduled', '2026-04-16T10:00:00+03:00'],
          [`${YOGA}_20260423T1000`, '2026-04-23T10:00:00+03:00', 'cancelled', null],
        ]);
        assert.equal(got[0]!.statusNote, 'Μεταφέρεται την Παρασκευή.');
        assert.equal(got[0]!.end, '2026-04-17T13:00:00+03:00');
        assert.equal(got[1]!.statusNote, 'Ακυρώνεται: η αίθουσα χρειάζεται για εκλογές.');
      });

      it('changes one occurrence\'s title and place, or moves it online, leaving the others alone', async () => {
        const got = await occurrencesOf(s, YOGA, '2026-04-27', '2026-05-15');
        const byId = new Map(got.map((o) => [o.id, o]));
        assert.equal(byId.get(`${YOGA}_20260430T1000`)!.title, 'Γιόγκα στην αυλή: ανοιξιάτικη έκδοση');
        assert.equal(byId.get(`${YOGA}_20260430T1000`)!.place?.kind, 'branch');
        assert.equal(byId.get(`${YOGA}_20260514T1000`)!.status, 'moved-online');
        assert.deepEqual(byId.get(`${YOGA}_20260514T1000`)!.place, { id: 'online', name: 'Διαδικτυακά', kind: 'online' });
        assert.equal(byId.has(`${YOGA}_20260507T1000`), false, 'moved out of this window');
        const others = got.filter((o) => !['20260430T1000', '20260514T1000'].some((x) => o.id.endsWith(x)));
        assert.ok(others.length === 0 || others.every((o) => o.title === 'Γιόγκα για ΌΛΟΥΣ' && o.place?.kind === 'centre'));
      });

      it('finds an occurrence moved into a window from outside it', async () => {
        const got = await occurrencesOf(s, YOGA, '2026-05-29', '2026-05-31');
        assert.deepEqual(got.map((o) => [o.id, o.start, o.originalStart]), [
          [`${YOGA}_20260507T1000`, '2026-05-30T10:00:00+03:00', '2026-05-07T10:00:00+03:00'],
        ]);
      });
    });

    describe('window', () => {
      it('answers the window as understood, in the centre\'s zone, and sorts by start', async () => {
        const body = await getEvents(s, 'from=2026-03-19&to=2026-03-26');
        assert.equal(body.timeZone, TZ);
        assert.equal(body.from, '2026-03-19T00:00:00+02:00');
        assert.equal(body.to, '2026-03-27T00:00:00+02:00', 'a `to` date includes that day');
        assert.ok(z.safeParse(EventList, body).success);
        const starts = body.items.map((o) => Date.parse(o.start));
        assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
      });

      it('includes an occurrence still running at `from` and excludes one starting at `to`', async () => {
        assert.deepEqual((await occurrencesOf(s, YOGA, '2026-03-19T10:30', '2026-03-19T10:45')).map((o) => o.id), [`${YOGA}_20260319T1000`]);
        assert.deepEqual(await occurrencesOf(s, YOGA, '2026-03-19T09:00:00%2B02:00', '2026-03-19T08:00:00Z'), []);
        assert.deepEqual((await occurrencesOf(s, YOGA, '2026-03-19T07:59:59Z', '2026-03-19T08:00:01Z')).length, 1);
      });

      it('answers 400 naming the field for missing, unreal, reversed or too long windows', async () => {
        await expectInvalid(s, 'to=2026-03-01', 'from');
        await expectInvalid(s, 'from=2026-03-01', 'to');
        await expectInvalid(s, 'from=tomorrow&to=2026-03-01', 'from');
        await expectInvalid(s, 'from=2026-02-30&to=2026-03-01', 'from');
        await expectInvalid(s, 'from=2026-03-01&to=2026-13-01', 'to');
        await expectInvalid(s, 'from=2026-03-01&to=2026-03-01T25:00', 'to');
        await expectInvalid(s, 'from=2026-03-02&to=2026-03-01', 'to');
        await expectInvalid(s, 'from=2026-03-01T10:00&to=2026-03-01T10:00', 'to');
        await expectInvalid(s, 'from=2026-01-01&to=2027-02-05', 'to');
        await expectInvalid(s, 'from=2026-01-01&to=2026-02-01&category=concert', 'category');
        await expectInvalid(s, `from=2026-01-01&to=2026-02-01&q=${'α'.repeat(201)}`, 'q');
        assert.equal((await getEvents(s, 'from=2026-01-01&to=2027-02-04')).items.length > 0, true, 'exactly 400 days is allowed');
      });
    });

    describe('filters and search', () => {
      const window = `from=${addDays(today, -7)}&to=${addDays(today, 60)}`;

      it('filters by category, repeatable', async () => {
        const all = (await getEvents(s, window)).items;
        const seminars = (await getEvents(s, `${window}&category=seminar`)).items;
        const both = (await getEvents(s, `${window}&category=seminar&category=mobile-unit`)).items;
        assert.ok(seminars.length >= 3 && seminars.every((o) => o.category === 'seminar'));
        assert.deepEqual(both.map((o) => o.id), all.filter((o) => ['seminar', 'mobile-unit'].includes(o.category)).map((o) => o.id));
      });

      it('filters by place (a village, several places, online); unknown places match nothing', async () => {
        const kastania = seedId('loc:village:kastania');
        const visits = (await getEvents(s, `${window}&location=${kastania}`)).items;
        assert.ok(visits.length >= 2);
        assert.ok(visits.every((o) => o.place?.id === kastania && o.place.kind === 'village' && o.category === 'mobile-unit'));
        const two = (await getEvents(s, `${window}&location=${kastania}&location=${seedId('loc:village:milia')}`)).items;
        assert.deepEqual(new Set(two.map((o) => o.place?.id)), new Set([kastania, seedId('loc:village:milia')]));
        const online = (await getEvents(s, `${window}&location=online`)).items;
        assert.ok(online.some((o) => o.seriesId === seedId('evt:rights-seminar') && o.status === 'moved-online'));
        assert.ok(online.every((o) => o.place?.kind === 'online'));
        assert.deepEqual((await getEvents(s, `${window}&location=${randomUUID()}`)).items, []);
        assert.deepEqual((await getEvents(s, `${window}&location=nowhere`)).items, []);
        // An override's place counts for that occurrence only.
        const branch = await occurrencesOf(s, YOGA, '2026-04-27', '2026-05-01');
        assert.equal(branch.length, 1);
        const atBranch = (await getEvents(s, `from=2026-04-01&to=2026-05-31&location=${seedId('loc:roma-branch')}`)).items.filter((o) => o.seriesId === YOGA);
        assert.deepEqual(atBranch.map((o) => o.id), [`${YOGA}_20260430T1000`]);
        // Only the fixtures: the seed's own online events can fall in this window, depending on the day the suite runs.
        const online2 = (await getEvents(s, 'from=2026-04-01&to=2026-05-31&location=online')).items
          .filter((o) => o.seriesId === YOGA || o.seriesId === ONLINE_TALK).map((o) => o.id);
        assert.deepEqual(online2, [`${YOGA}_20260514T1000`, ONLINE_TALK]);
      });

      it('searches title and description ignoring accents, case and final sigma', async () => {
        const ids = async (q: string) => (await getEvents(s, `from=2026-03-01&to=2026-03-31&q=${encodeURIComponent(q)}`)).items.map((o) => o.id);
        const expected = await ids('γιόγκα');
        assert.equal(expected.length, 4, 'the March Thursdays');
        for (const q of ['ΓΙΟΓΚΑ', 'γιογκα', 'Γιόγκα όλους', 'ολουσ', 'ΌΛΟΥΣ', 'ήπια ΑΣΚΗΣΗ']) assert.deepEqual(await ids(q), expected, q);
        assert.deepEqual(await ids('γιογκα ποδόσφαιρο'), [], 'every word must match');
        const seeded = (await getEvents(s, `${window}&q=${encodeURIComponent('ΚΙΝΗΤΗ μοναδα')}`)).items;
        assert.ok(seeded.length >= VILLAGES.length && seeded.every((o) => o.category === 'mobile-unit'));
      });

      it('searches an overridden occurrence by its own title', async () => {
        const got = (await getEvents(s, `from=2026-04-01&to=2026-05-31&q=${encodeURIComponent('ανοιξιατικη')}`)).items;
        assert.deepEqual(got.map((o) => o.id), [`${YOGA}_20260430T1000`]);
      });
    });

    describe('the seeded calendar (issue 4)', () => {
      const window = `from=${addDays(today, -1)}&to=${addDays(today, 70)}`;
      let items: EventOccurrence[];
      before(async () => {
        items = (await getEvents(s, window)).items;
      });
      const ofSeries = (key: string) => items.filter((o) => o.seriesId === seedId(key));

      it('has the mobile unit\'s monthly visits to every village, 09:00 at a village place', async () => {
        for (const v of VILLAGES) {
          const visits = ofSeries(`evt:mobile-unit:${v.key}`);
          assert.ok(visits.length >= 2, v.key);
          assert.ok(visits.every((o) => o.category === 'mobile-unit' && o.place?.kind === 'village' && o.recurring), v.key);
          assert.ok(visits.every((o) => o.start.slice(11, 16) === '09:00' || o.originalStart), v.key);
        }
      });

      it('moves next month\'s visit to Kastania a week later, id from its original date', async () => {
        const original = nthWeekdayOfMonth(addMonths(today, 1), 'TU', 1);
        const moved = ofSeries('evt:mobile-unit:kastania').find((o) => o.originalStart?.startsWith(original));
        assert.ok(moved, 'the moved visit');
        assert.equal(moved.id, `${seedId('evt:mobile-unit:kastania')}_${original.replaceAll('-', '')}T0900`);
        assert.equal(moved.start.slice(0, 16), `${addDays(original, 7)}T09:00`);
        assert.equal(moved.status, 'scheduled');
        assert.ok(moved.statusNote);
      });

      it('has the weekly children\'s activity without its excluded Wednesday, and one homework afternoon cancelled', async () => {
        const workshop = ofSeries('evt:children-workshop');
        assert.ok(workshop.length >= 8 && workshop.every((o) => o.category === 'children' && o.start.slice(11, 16) === '17:00'));
        const excluded = onOrAfter(addDays(today, 14), 'WE');
        assert.ok(!workshop.some((o) => o.start.startsWith(excluded)), 'EXDATE');
        assert.ok(workshop.some((o) => o.start.startsWith(addDays(excluded, 7))));
        const cancelled = ofSeries('evt:homework-club').filter((o) => o.status === 'cancelled');
        assert.deepEqual(cancelled.map((o) => o.start.slice(0, 16)), [`${onOrAfter(addDays(today, 7), 'MO')}T16:00`]);
      });

      it('has seminars, one cancelled, one postponed, one moved online and one moved to a later date', async () => {
        assert.ok(items.filter((o) => o.category === 'seminar').length >= 3);
        assert.equal(ofSeries('evt:first-aid-seminar')[0]?.status, 'cancelled');
        assert.equal(ofSeries('evt:housing-info-day')[0]?.status, 'postponed');
        assert.equal(ofSeries('evt:rights-seminar')[0]?.status, 'moved-online');
        const moved = ofSeries('evt:careers-workshop')[0]!;
        assert.equal(moved.originalStart?.slice(0, 16), `${addDays(today, 8)}T12:00`);
        assert.equal(moved.start.slice(0, 16), `${addDays(today, 10)}T12:00`);
        for (const o of [ofSeries('evt:first-aid-seminar')[0]!, ofSeries('evt:housing-info-day')[0]!, ofSeries('evt:rights-seminar')[0]!]) assert.ok(o.statusNote, o.id);
      });

      it('gives registration as data: open with places left, full, and a link', async () => {
        assert.deepEqual(ofSeries('evt:nutrition-seminar')[0]!.registration, {
          kind: 'open', placesLeft: 12, capacity: 30, note: 'Δήλωση συμμετοχής στο 24310 55100 (περιορισμένες θέσεις).',
        });
        assert.equal(ofSeries('evt:careers-workshop')[0]!.registration.kind, 'full');
        assert.equal(ofSeries('evt:careers-workshop')[0]!.registration.placesLeft, 0);
        assert.match(ofSeries('evt:rights-seminar')[0]!.registration.url ?? '', /^https:\/\//);
        assert.equal(ofSeries('evt:rights-seminar')[0]!.registration.kind, 'link');
        assert.deepEqual(ofSeries('evt:kea-info-day')[0]!.languages, ['el', 'ar', 'rom']);
        assert.ok(items.every((o) => z.safeParse(EventOccurrence, o).success));
      });
    });

    describe('one occurrence', () => {
      it('gives the same ids on every call, and each id gives back the same occurrence', async () => {
        const query = `from=${addDays(today, -3)}&to=${addDays(today, 40)}`;
        const [a, b] = [await getEvents(s, query), await getEvents(s, query)];
        assert.deepEqual(a.items.map((o) => o.id), b.items.map((o) => o.id));
        assert.equal(new Set(a.items.map((o) => o.id)).size, a.items.length, 'ids are unique');
        for (const o of a.items) {
          assert.match(o.id, /^[0-9a-f-]{36}(_\d{8}T\d{4})?$/);
          const res = await s.fetch(`/api/events/${o.id}`);
          assert.equal(res.status, 200, o.id);
          assert.deepEqual(await res.json(), o, o.id);
        }
      });

      it('gives a series id\'s next occurrence that takes place, a one-off event, or an ended series\' last one', async () => {
        const next = (await (await s.fetch(`/api/events/${NEXT_SERIES}`)).json()) as EventOccurrence;
        assert.equal(next.id, `${NEXT_SERIES}_${addDays(today, 2).replaceAll('-', '')}T1000`);
        assert.equal(next.status, 'scheduled');
        const cancelled = (await (await s.fetch(`/api/events/${NEXT_SERIES}_${tomorrow.replaceAll('-', '')}T1000`)).json()) as EventOccurrence;
        assert.equal(cancelled.status, 'cancelled');
        const oneOff = (await (await s.fetch(`/api/events/${ONLINE_TALK}`)).json()) as EventOccurrence;
        assert.deepEqual([oneOff.id, oneOff.recurring, oneOff.place?.kind, oneOff.registration.kind], [ONLINE_TALK, false, 'online', 'link']);
        const ended = (await (await s.fetch(`/api/events/${ENDED_SERIES}`)).json()) as EventOccurrence;
        assert.equal(ended.id, `${ENDED_SERIES}_20250121T1800`);
        assert.equal(ended.start, '2025-01-21T18:00:00+02:00');
      });

      it('answers 404 for unknown ids, excluded or non-existent occurrences, and malformed ids', async () => {
        for (const id of [
          randomUUID(), `${randomUUID()}_20260305T1000`, `${YOGA}_20260409T1000`, `${YOGA}_20260306T1000`, `${YOGA}_20260226T1000`,
          `${YOGA}_20260305T1001`, `${YOGA}_20260230T1000`, `${ONLINE_TALK}_20260520T1900`, 'not-an-id', `${YOGA}_`, `${YOGA}x`, 'events',
        ]) {
          const { status, type, body } = await problemOf(s, `/api/events/${encodeURIComponent(id)}`);
          assert.equal(status, 404, id);
          assert.equal(type, 'application/problem+json');
          assert.equal(body.type, PROBLEM_TYPES.notFound);
        }
        assert.equal((await s.fetch(`/api/events/${'x'.repeat(101)}`)).status, 400);
      });
    });

    it('never answers 5xx, whatever the query string or path holds', async () => {
      const paths = [
        '/api/events?from=2026-01-01&to=2026-02-01&q=%00', `/api/events?from=2026-01-01&to=2026-02-01&q=${encodeURIComponent("'; DROP TABLE events;--")}`,
        '/api/events?from=2026-01-01&to=2026-02-01&q=%25_%5C', '/api/events?from=2026-01-01&to=2026-02-01&location=%00',
        '/api/events?from=2026-01-01&to=2026-02-01&location=00000000-0000-0000-0000-00000000000Z',
        '/api/events?from=2026-01-01&to=2026-02-01&category[]=seminar', '/api/events?from[]=1&to=2', '/api/events?from=9999-12-31&to=9999-12-31',
        '/api/events?from=2026-01-01T10:00:00.123456789%2B23:59&to=2026-01-02', '/api/events?from=2026-01-01&to=2026-02-01&from=2026-01-02',
        '/api/events/%E0%A4%A', '/api/events/..%2F..%2Fetc', '/api/events/%00.ics', '/api/events/x.ics.ics', '/api/events.ics?category=%00',
        '/api/events.ics?location=%E0%A4%A', `/api/events/${YOGA}_99999999T9999.ics`, '/api/events?from=2026-01-01&to=2026-02-01&q=' + 'ά'.repeat(200),
      ];
      for (const path of paths) {
        const res = await s.fetch(path);
        await res.arrayBuffer();
        assert.ok(res.status < 500, `${path}: ${res.status}`);
      }
      assert.equal(s.logs.filter((l) => l.level === 'error').length, 0, JSON.stringify(s.logs.filter((l) => l.level === 'error')));
    });

    it('is publicly cacheable for a minute', async () => {
      const res = await s.fetch('/api/events?from=2026-03-01&to=2026-03-31');
      assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
      await res.arrayBuffer();
    });
  });
}

for (const backend of backends()) {
  describe(`events data (${backend})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await openTestDatabase(backend);
    });
    after(() => t.drop());

    it('migration 003 maps the categories and keeps the registration text of events written before it', async () => {
      const migrations = await loadMigrations();
      const before003 = migrations.filter((m) => m.id < '003');
      await migrate(t.db, before003);
      const org = randomUUID();
      await t.db.query(`INSERT INTO organizations (id, name, description) VALUES ($1, 'Δήμος', 'Δοκιμή')`, [org]);
      for (const [category, registration] of [['information', 'Χωρίς δήλωση.'], ['network', null], ['seminar', 'Στο 24310 55100.']]) {
        await t.db.query(
          `INSERT INTO events (title, description, category, starts_at, ends_at, registration) VALUES ($1, 'Δοκιμή', $1, now(), now() + interval '1 hour', $2)`,
          [category, registration],
        );
      }
      await migrate(t.db);
      const { rows } = await t.db.query<{ title: string; category: string; registration_kind: string; registration_note: string | null; languages: string[] }>(
        'SELECT title, category, registration_kind, registration_note, languages FROM events ORDER BY title',
      );
      assert.deepEqual(rows, [
        { title: 'information', category: 'information-day', registration_kind: 'none', registration_note: 'Χωρίς δήλωση.', languages: ['el'] },
        { title: 'network', category: 'other', registration_kind: 'none', registration_note: null, languages: ['el'] },
        { title: 'seminar', category: 'seminar', registration_kind: 'none', registration_note: 'Στο 24310 55100.', languages: ['el'] },
      ]);
      await assert.rejects(t.db.query(`UPDATE events SET category = 'concert'`));
      await assert.rejects(t.db.query(`UPDATE events SET rrule = 'FREQ=HOURLY'`));
      await assert.rejects(t.db.query(`UPDATE events SET rrule = 'FREQ=DAILY;BYHOUR=9,17'`));
      await assert.rejects(t.db.query(`UPDATE events SET registration_kind = 'link'`), 'a link needs its URL');
      await assert.rejects(t.db.query(`UPDATE events SET registration_kind = 'full', registration_capacity = 10, registration_places_left = 2`));
      await t.db.query('DELETE FROM events');
    });

    it('adds the calendar details of the demo events once, and again to a database that lacks them', async () => {
      const count = async (sql: string) => (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM (${sql}) q`)).rows[0]!.n;
      assert.equal(await seedDatabase(t.db, { timeZone: TZ }), true);
      const details = async () => [
        await count('SELECT 1 FROM event_overrides'), await count('SELECT 1 FROM event_exdates'),
        await count('SELECT 1 FROM events WHERE original_starts_at IS NOT NULL'), await count(`SELECT 1 FROM events WHERE registration_kind <> 'none'`),
      ];
      const seeded = await details();
      assert.deepEqual(seeded.slice(0, 3), [2, 1, 1]);
      assert.ok(seeded[3]! >= 5);
      assert.equal(await seedDatabase(t.db, { timeZone: TZ }), false, 'nothing to add the second time');
      assert.deepEqual(await details(), seeded);
      // As if seeded before migration 003: no details, no marker.
      await t.db.query(`DELETE FROM kentro_settings WHERE key = $1`, [EVENTS_SEED_MARKER]);
      await t.db.query('DELETE FROM event_overrides');
      await t.db.query('DELETE FROM event_exdates');
      await t.db.query(`UPDATE events SET registration_kind = 'none', registration_capacity = NULL, registration_places_left = NULL, registration_url = NULL`);
      assert.equal(await seedDatabase(t.db, { timeZone: TZ }), true);
      assert.deepEqual(await details(), seeded, 'the moved event is not moved twice');
    });
  });
}
