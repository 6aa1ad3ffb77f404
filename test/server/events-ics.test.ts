/**
 * `GET /events.ics` and `GET /events/{id}.ics`: RFC 5545 text (CRLF, lines of at most 75 octets), a VTIMEZONE for
 * Europe/Athens, series with RRULE, EXDATE;TZID and RECURRENCE-ID overrides, cancelled occurrences as
 * STATUS:CANCELLED, filters, ETags, and the feed expanded by ical.js alone giving the same occurrences as
 * `GET /events`, on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import type { EventOccurrence } from '../../src/contract/events.ts';
import type { Database } from '../../src/server/db/types.ts';
import { uidHostOf } from '../../src/server/events/ics.ts';
import { addDays, localToday } from '../../src/server/seed/dates.ts';
import { seedId } from '../../src/server/seed/ids.ts';
import { VILLAGES } from '../../src/server/seed/organization.ts';
import { expandFeed, getEvents, getIcs, insertEvent, TZ } from '../support/events.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';

const YOGA = '0b0b0b0b-0000-4000-8000-000000000001';
/** The seed is placed around this instant and the expectations computed from it: one "today" for both. */
const seedNow = new Date();
const today = localToday(TZ, seedNow);

async function fixtures(db: Database) {
  await insertEvent(db, {
    id: YOGA, title: 'Γιόγκα; για όλους, με κόμμα', category: 'community', locationId: seedId('loc:centre'),
    start: '2026-03-05T10:00', end: '2026-03-05T11:00', rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20261231T220000Z',
    exdates: ['2026-04-09T10:00'],
    overrides: [
      { occurrence: '2026-04-16T10:00', start: '2026-04-17T12:00', end: '2026-04-17T13:00', statusNote: 'Μεταφέρεται την Παρασκευή.' },
      { occurrence: '2026-04-23T10:00', status: 'cancelled', statusNote: 'Ακυρώνεται.' },
      { occurrence: '2026-10-29T10:00', status: 'postponed' },
    ],
  });
}

/** Properties of the VEVENTs of a feed. */
function vevents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** The API's occurrences and the feed's, as comparable rows. */
const apiRows = (items: EventOccurrence[]) => items.map((o) => [o.id, new Date(o.start).toISOString(), new Date(o.end).toISOString(), o.status]);
const feedRows = (ics: string, from: string, to: string) =>
  expandFeed(ics, new Date(from), new Date(to)).map((o) => [o.id, o.start, o.end, o.kentroStatus]);

for (const backend of backends()) {
  describe(`events iCalendar (${backend})`, () => {
    let s: TestServer;
    let feed: string;
    before(async () => {
      s = await startTestServer({ backend, seed: true, seedNow, setup: fixtures });
      feed = (await getIcs(s, '/api/events.ics')).text;
    });
    after(() => s.close());

    it('serves a subscribable calendar: type, caching, ETag and 304', async () => {
      const { res, text } = await getIcs(s, '/api/events.ics');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
      assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
      const etag = res.headers.get('etag')!;
      // Weak when the answer went out compressed (its bytes are not the calendar's own).
      assert.match(etag, /^(W\/)?"[\w-]+"$/);
      assert.equal(text, feed, 'the same feed twice (DTSTAMP is the last change, not the time of the request)');
      const again = await s.fetch('/api/events.ics', { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      const other = await s.fetch('/api/events.ics', { headers: { 'If-None-Match': '"something-else"' } });
      assert.equal(other.status, 200);
      await other.arrayBuffer();
    });

    it('is RFC 5545 text: CRLF line ends, lines of at most 75 octets, the calendar properties and escaped texts', () => {
      assert.ok(feed.startsWith('BEGIN:VCALENDAR\r\n') && feed.endsWith('END:VCALENDAR\r\n'));
      assert.doesNotMatch(feed, /[^\r]\n/, 'no bare LF');
      const long = feed.split('\r\n').filter((l) => Buffer.byteLength(l, 'utf8') > 75);
      assert.deepEqual(long, []);
      assert.ok(feed.split('\r\n').some((l) => l.startsWith(' ')), 'long lines are folded');
      const text = unfold(feed);
      for (const line of ['VERSION:2.0', 'CALSCALE:GREGORIAN', 'X-WR-TIMEZONE:Europe/Athens', 'REFRESH-INTERVAL;VALUE=DURATION:PT1H']) {
        assert.ok(text.includes(`\r\n${line}\r\n`), line);
      }
      assert.match(text, /\r\nPRODID:-\/\/Kentro\/\/Kentro Events [\d.]+\/\/EL\r\n/);
      assert.match(text, /\r\nX-WR-CALNAME:Κέντρο Κοινότητας Δήμου Αιγείρου: Εκδηλώσεις\r\n/);
      assert.ok(text.includes('SUMMARY:Γιόγκα\\; για όλους\\, με κόμμα'));
    });

    it('has a VTIMEZONE for Europe/Athens with EET and EEST rules that ical.js applies', () => {
      const vcal = new ICAL.Component(ICAL.parse(feed));
      const [vtz] = vcal.getAllSubcomponents('vtimezone');
      assert.equal(vtz!.getFirstPropertyValue('tzid'), TZ);
      const rules = Object.fromEntries(['standard', 'daylight'].map((k) => {
        const c = vtz!.getFirstSubcomponent(k)!;
        return [k, `${c.getFirstPropertyValue('tzname')} ${String(c.getFirstPropertyValue('rrule'))} ${c.getFirstProperty('tzoffsetto')!.toICALString()}`];
      }));
      assert.deepEqual(rules, {
        standard: 'EET FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU TZOFFSETTO:+0200',
        daylight: 'EEST FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU TZOFFSETTO:+0300',
      });
      const zone = new ICAL.Timezone(vtz!);
      const local = (iso: string) => ICAL.Time.fromJSDate(new Date(iso), true).convertToZone(zone).toString();
      assert.equal(local('2026-03-26T08:00:00Z'), '2026-03-26T10:00:00');
      assert.equal(local('2026-04-02T07:00:00Z'), '2026-04-02T10:00:00');
      assert.equal(local('2030-10-31T08:00:00Z'), '2030-10-31T10:00:00');
    });

    it('writes a series once: RRULE, EXDATE with TZID, and RECURRENCE-ID overrides, with stable UIDs', () => {
      const text = unfold(feed);
      const mine = vevents(feed).filter((v) => v.getFirstPropertyValue('uid') === `${YOGA}@kentro`);
      assert.equal(mine.length, 4, 'the series and its three changed occurrences');
      const master = mine.find((v) => !v.hasProperty('recurrence-id'))!;
      assert.equal(String(master.getFirstPropertyValue('rrule')), 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20261231T220000Z');
      assert.match(text, /\r\nRRULE:FREQ=WEEKLY;(UNTIL=20261231T220000Z;BYDAY=TH|BYDAY=TH;UNTIL=20261231T220000Z)\r\n/);
      assert.ok(text.includes('DTSTART;TZID=Europe/Athens:20260305T100000\r\n'));
      assert.ok(text.includes('DTEND;TZID=Europe/Athens:20260305T110000\r\n'));
      assert.ok(text.includes('EXDATE;TZID=Europe/Athens:20260409T100000\r\n'));
      assert.ok(text.includes('RECURRENCE-ID;TZID=Europe/Athens:20260416T100000\r\n'));
      const moved = mine.find((v) => v.getFirstProperty('recurrence-id')?.toICALString().endsWith('20260416T100000'))!;
      assert.equal(moved.getFirstProperty('dtstart')!.toICALString(), 'DTSTART;TZID=Europe/Athens:20260417T120000');
      assert.equal(moved.getFirstPropertyValue('sequence'), 1);
      for (const v of mine) {
        for (const p of ['dtstamp', 'sequence', 'summary', 'description', 'location', 'categories', 'status', 'geo']) assert.ok(v.hasProperty(p), p);
      }
      assert.equal(master.getFirstPropertyValue('categories'), 'Κοινότητα');
      assert.equal(master.getFirstPropertyValue('x-kentro-category'), 'community');
      assert.match(String(master.getFirstPropertyValue('location')), /^Κέντρο Κοινότητας Δήμου Αιγείρου, Ασκληπιού 12, Αίγειρος$/);
    });

    it('keeps cancelled and postponed occurrences as STATUS:CANCELLED, with the contract status alongside', () => {
      const byRid = new Map(vevents(feed).filter((v) => v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === `${YOGA}@kentro`)
        .map((v) => [v.getFirstProperty('recurrence-id')!.toICALString().slice(-15), v]));
      assert.equal(byRid.get('20260423T100000')!.getFirstPropertyValue('status'), 'CANCELLED');
      assert.equal(byRid.get('20260423T100000')!.getFirstPropertyValue('x-kentro-status'), 'cancelled');
      assert.match(String(byRid.get('20260423T100000')!.getFirstPropertyValue('description')), /^Ακυρώνεται\./);
      assert.equal(byRid.get('20261029T100000')!.getFirstPropertyValue('status'), 'CANCELLED');
      assert.equal(byRid.get('20261029T100000')!.getFirstPropertyValue('x-kentro-status'), 'postponed');
      // The seeded one-off events: cancelled, postponed, moved online.
      const one = (key: string) => vevents(feed).find((v) => v.getFirstPropertyValue('uid') === `${seedId(key)}@kentro`)!;
      assert.equal(one('evt:first-aid-seminar').getFirstPropertyValue('status'), 'CANCELLED');
      assert.equal(one('evt:housing-info-day').getFirstPropertyValue('status'), 'CANCELLED');
      assert.equal(one('evt:housing-info-day').getFirstPropertyValue('x-kentro-status'), 'postponed');
      assert.equal(one('evt:rights-seminar').getFirstPropertyValue('status'), 'CONFIRMED');
      assert.equal(one('evt:rights-seminar').getFirstPropertyValue('location'), 'Διαδικτυακά');
      assert.match(String(one('evt:rights-seminar').getFirstPropertyValue('url')), /^https:\/\//);
      assert.equal(one('evt:careers-workshop').getFirstPropertyValue('sequence'), 1, 'moved: SEQUENCE raised');
    });

    for (const [what, from, to] of [
      ['the March DST change', '2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'],
      ['the October DST change', '2026-10-10T00:00:00Z', '2026-11-10T00:00:00Z'],
    ] as const) {
      it(`expanded by ical.js alone, gives the API's occurrences of the fixture series around ${what}`, async () => {
        const api = (await getEvents(s, `from=${from}&to=${to}`)).items.filter((o) => o.seriesId === YOGA);
        const ours = feedRows(feed, from, to).filter((r) => String(r[0]).startsWith(YOGA));
        assert.ok(api.length >= 4);
        assert.deepEqual(ours, apiRows(api));
      });
    }

    it('expanded by ical.js alone, gives the same occurrences as GET /events for the coming two months (seed data)', async () => {
      const list = await getEvents(s, `from=${today}&to=${addDays(today, 60)}`);
      const api = apiRows(list.items).sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])));
      const ours = feedRows(feed, list.from, list.to).sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])));
      assert.ok(api.length > 30);
      assert.deepEqual(ours, api);
    });

    it('filters by category and by place (a series by its own place)', async () => {
      const uids = (ics: string) => new Set(vevents(ics).map((v) => String(v.getFirstPropertyValue('uid'))));
      const mobile = (await getIcs(s, '/api/events.ics?category=mobile-unit')).text;
      assert.equal(uids(mobile).size, VILLAGES.length);
      assert.ok(vevents(mobile).every((v) => v.getFirstPropertyValue('x-kentro-category') === 'mobile-unit'));
      assert.ok(vevents(mobile).every((v) => v.getFirstPropertyValue('categories') === 'Κινητή μονάδα'));
      const two = (await getIcs(s, '/api/events.ics?category=mobile-unit&category=seminar')).text;
      assert.ok(uids(two).size > VILLAGES.length);
      const kastania = (await getIcs(s, `/api/events.ics?location=${seedId('loc:village:kastania')}`)).text;
      assert.deepEqual([...uids(kastania)], [`${seedId('evt:mobile-unit:kastania')}@kentro`]);
      assert.ok(unfold(kastania).includes('RECURRENCE-ID;TZID=Europe/Athens:'), 'with its moved visit');
      const online = (await getIcs(s, '/api/events.ics?location=online')).text;
      assert.deepEqual([...uids(online)], [`${seedId('evt:rights-seminar')}@kentro`]);
      const nothing = await getIcs(s, '/api/events.ics?location=nowhere');
      assert.equal(nothing.res.status, 200);
      assert.equal(vevents(nothing.text).length, 0);
      assert.equal((await s.fetch('/api/events.ics?category=concert')).status, 400);
    });

    it('sends one series as a file to download, with its exceptions', async () => {
      const { res, text } = await getIcs(s, `/api/events/${YOGA}.ics`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="${YOGA}.ics"`);
      assert.ok(text.includes('BEGIN:VTIMEZONE'));
      assert.doesNotMatch(text, /X-WR-CALNAME/);
      const all = vevents(text);
      assert.equal(all.length, 4);
      assert.ok(all.every((v) => v.getFirstPropertyValue('uid') === `${YOGA}@kentro`));
      assert.deepEqual(feedRows(text, '2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'), feedRows(feed, '2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z').filter((r) => String(r[0]).startsWith(YOGA)));
    });

    it('sends one occurrence as an event of its own, and a one-off event', async () => {
      const { res, text } = await getIcs(s, `/api/events/${YOGA}_20260416T1000.ics`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="${YOGA}_20260416T1000.ics"`);
      const [only, ...rest] = vevents(text);
      assert.equal(rest.length, 0);
      assert.equal(only!.getFirstPropertyValue('uid'), `${YOGA}_20260416T1000@kentro`);
      assert.equal(only!.hasProperty('rrule'), false);
      assert.equal(only!.getFirstProperty('dtstart')!.toICALString(), 'DTSTART;TZID=Europe/Athens:20260417T120000');
      const cancelled = vevents((await getIcs(s, `/api/events/${YOGA}_20260423T1000.ics`)).text)[0]!;
      assert.equal(cancelled.getFirstPropertyValue('status'), 'CANCELLED');
      const single = await getIcs(s, `/api/events/${seedId('evt:nutrition-seminar')}.ics`);
      assert.equal(single.res.status, 200);
      assert.equal(vevents(single.text).length, 1);
      assert.match(String(vevents(single.text)[0]!.getFirstPropertyValue('description')), /Δήλωση συμμετοχής: 12 ελεύθερες θέσεις/);
    });

    it('answers 404 problems for unknown events and occurrences', async () => {
      for (const id of ['0b0b0b0b-0000-4000-8000-00000000ffff', `${YOGA}_20260409T1000`, `${YOGA}_20260410T1000`, 'nothing', `${seedId('evt:nutrition-seminar')}_20260101T1000`]) {
        const res = await s.fetch(`/api/events/${id}.ics`);
        assert.equal(res.status, 404, id);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
        await res.arrayBuffer();
      }
    });
  });
}

describe('UID host', () => {
  it('is the API\'s domain, or `kentro` for addresses and local names', () => {
    assert.equal(uidHostOf('https://www.trikalacity.gr/kentro/api/events.ics'), 'www.trikalacity.gr');
    assert.equal(uidHostOf('http://127.0.0.1:8080/api/events.ics'), 'kentro');
    assert.equal(uidHostOf('http://localhost:8080/api/events.ics'), 'kentro');
    assert.equal(uidHostOf('http://[::1]:8080/api/events.ics'), 'kentro');
    assert.equal(uidHostOf('http://kentro-app:8080/api/events.ics'), 'kentro');
  });
});
