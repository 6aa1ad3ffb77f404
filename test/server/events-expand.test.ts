/**
 * Recurrence in the centre's time zone without a database: wall-clock ↔ instant at both DST changes of 2026,
 * the generated VTIMEZONE against Intl, series expansion with EXDATEs and overrides, and the same results
 * whatever zone the server process runs in.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { Expander, type OverrideLike, type SeriesLike } from '../../src/server/events/expand.ts';
import { vtimezone } from '../../src/server/events/vtimezone.ts';
import { parseInstant, parseWindow } from '../../src/server/events/window.ts';
import { fromWall, isoInZone, offsetMinutes, parseWallStamp, toWall, wallStamp } from '../../src/server/events/zone.ts';
import { TZ } from '../support/events.ts';

const wall = (local: string) => Date.parse(`${local}Z`);
const at = (local: string) => fromWall(wall(local), TZ);

function series(start: string, end: string, rrule?: string, extra: { exdates?: string[]; overrides?: [string, OverrideLike][] } = {}): SeriesLike {
  return {
    start: at(start), end: at(end), rrule,
    exdates: new Set((extra.exdates ?? []).map(wall)),
    overrides: new Map((extra.overrides ?? []).map(([rid, o]) => [wall(rid), o])),
  };
}

const isoStarts = (s: SeriesLike, from: string, to: string) =>
  new Expander(s, TZ).between(at(from), at(to)).map((i) => isoInZone(i.start, TZ));

describe('wall-clock time in Europe/Athens', () => {
  it('knows the offsets on both sides of the 2026 changes (29 March, 25 October)', () => {
    assert.equal(isoInZone(at('2026-03-28T10:00:00'), TZ), '2026-03-28T10:00:00+02:00');
    assert.equal(isoInZone(at('2026-03-29T10:00:00'), TZ), '2026-03-29T10:00:00+03:00');
    assert.equal(isoInZone(at('2026-10-24T10:00:00'), TZ), '2026-10-24T10:00:00+03:00');
    assert.equal(isoInZone(at('2026-10-25T10:00:00'), TZ), '2026-10-25T10:00:00+02:00');
    assert.equal(offsetMinutes(Date.parse('2026-03-29T00:59:00Z'), TZ), 120);
    assert.equal(offsetMinutes(Date.parse('2026-03-29T01:00:00Z'), TZ), 180);
    assert.equal(offsetMinutes(Date.parse('2026-10-25T00:59:00Z'), TZ), 180);
    assert.equal(offsetMinutes(Date.parse('2026-10-25T01:00:00Z'), TZ), 120);
  });

  it('reads skipped and repeated local times as RFC 5545 does', () => {
    // 03:30 on 29 March does not exist: read with the offset before the change, i.e. 04:30 EEST.
    assert.equal(new Date(at('2026-03-29T03:30:00')).toISOString(), '2026-03-29T01:30:00.000Z');
    // 03:30 on 25 October happens twice: the first one (EEST).
    assert.equal(new Date(at('2026-10-25T03:30:00')).toISOString(), '2026-10-25T00:30:00.000Z');
    for (const t of ['2026-03-29T02:59:00', '2026-03-29T04:00:00', '2026-10-25T02:59:00', '2026-10-25T04:00:00']) {
      assert.equal(toWall(at(t), TZ), wall(t), t);
    }
  });

  it('makes and reads the compact stamps of occurrence ids', () => {
    assert.equal(wallStamp(wall('2026-03-05T10:00:00')), '20260305T1000');
    assert.equal(parseWallStamp('20260305T1000'), wall('2026-03-05T10:00:00'));
    for (const bad of ['20260230T1000', '20261305T1000', '20260305T2460', '2026035T1000', '20260305T10000']) assert.equal(parseWallStamp(bad), undefined, bad);
  });

  it('reads window bounds: dates in the centre\'s zone (a `to` date includes the day), offsets as given', () => {
    assert.equal(new Date(parseInstant('2026-03-29', TZ)!).toISOString(), '2026-03-28T22:00:00.000Z');
    assert.equal(new Date(parseInstant('2026-03-29', TZ, true)!).toISOString(), '2026-03-29T21:00:00.000Z');
    assert.equal(new Date(parseInstant('2026-07-01T10:00', TZ)!).toISOString(), '2026-07-01T07:00:00.000Z');
    assert.equal(new Date(parseInstant('2026-07-01T10:00:00Z', TZ)!).toISOString(), '2026-07-01T10:00:00.000Z');
    assert.equal(new Date(parseInstant('2026-07-01T10:00:00.5-04:00', TZ)!).toISOString(), '2026-07-01T14:00:00.500Z');
    for (const bad of ['2026-02-30', '2026-13-01', '2026-01-01T25:00', '2026-01-01T10', '0001-01-01', '2026-01-01T10:00+25:00']) {
      assert.equal(parseInstant(bad, TZ), undefined, bad);
    }
    // 400 days from 1 January 2026 is 5 February 2027: `to=2027-02-04` ends there.
    assert.deepEqual(parseWindow('2026-01-01', '2027-02-04', TZ), { ok: true, from: at('2026-01-01T00:00:00'), to: at('2027-02-05T00:00:00') });
    const long = parseWindow('2026-01-01', '2027-02-05', TZ);
    assert.equal(long.ok, false);
    assert.deepEqual(!long.ok && long.errors.map((e) => e.path), [['to']]);
  });
});

describe('VTIMEZONE from Intl', () => {
  it('gives Europe/Athens its EU rules: EEST from the last Sunday of March 03:00, EET from the last Sunday of October 04:00', () => {
    const text = vtimezone(TZ, 2026, 2030);
    assert.match(text, /BEGIN:DAYLIGHT\r\nTZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0300\r\nTZNAME:EEST\r\nDTSTART:20250330T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT/);
    assert.match(text, /BEGIN:STANDARD\r\nTZOFFSETFROM:\+0300\r\nTZOFFSETTO:\+0200\r\nTZNAME:EET\r\nDTSTART:20251026T040000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD/);
    assert.match(text, /^BEGIN:VTIMEZONE\r\nTZID:Europe\/Athens\r\n/);
  });

  for (const [zone, from, to] of [[TZ, 2026, 2030], [TZ, 1990, 2030], ['America/Sao_Paulo', 2015, 2030], ['Asia/Tokyo', 2026, 2030], ['Australia/Lord_Howe', 2026, 2030]] as const) {
    it(`agrees with Intl for ${zone} ${from}–${to + 5}, read by ical.js (beyond ${to} by its RRULEs)`, () => {
      const tz = new ICAL.Timezone(ICAL.Component.fromString(vtimezone(zone, from, to)));
      let checked = 0;
      // Every 5 h 13 min; ical.js itself reads the repeated autumn hour from UTC loosely, so skip the hour around changes.
      for (let t = Date.UTC(from, 0, 1); t < Date.UTC(to + 5, 0, 1); t += 313 * 60_000) {
        const offset = offsetMinutes(t, zone);
        if (offsetMinutes(t - 3_600_000, zone) !== offset || offsetMinutes(t + 3_600_000, zone) !== offset) continue;
        assert.equal(ICAL.Time.fromJSDate(new Date(t), true).convertToZone(tz).utcOffset() / 60, offset, new Date(t).toISOString());
        checked++;
      }
      assert.ok(checked > 1000);
    });
  }
});

describe('series expansion (ical.js, floating time, Intl offsets)', () => {
  const weekly = series('2026-03-05T10:00:00', '2026-03-05T11:00:00', 'FREQ=WEEKLY;BYDAY=TH');

  it('keeps a weekly 10:00 at 10:00 across the March change', () => {
    assert.deepEqual(isoStarts(weekly, '2026-03-19T00:00:00', '2026-04-10T00:00:00'),
      ['2026-03-19T10:00:00+02:00', '2026-03-26T10:00:00+02:00', '2026-04-02T10:00:00+03:00', '2026-04-09T10:00:00+03:00']);
  });

  it('keeps a weekly 10:00 at 10:00 across the October change', () => {
    assert.deepEqual(isoStarts(weekly, '2026-10-15T00:00:00', '2026-11-06T00:00:00'),
      ['2026-10-15T10:00:00+03:00', '2026-10-22T10:00:00+03:00', '2026-10-29T10:00:00+02:00', '2026-11-05T10:00:00+02:00']);
  });

  it('keeps the wall-clock length: 09:00–13:00 on both sides of a change', () => {
    const s = series('2026-03-24T09:00:00', '2026-03-24T13:00:00', 'FREQ=WEEKLY;BYDAY=TU');
    const got = new Expander(s, TZ).between(at('2026-03-24T00:00:00'), at('2026-04-01T00:00:00'));
    assert.deepEqual(got.map((i) => [isoInZone(i.start, TZ), isoInZone(i.end, TZ)]), [
      ['2026-03-24T09:00:00+02:00', '2026-03-24T13:00:00+02:00'], ['2026-03-31T09:00:00+03:00', '2026-03-31T13:00:00+03:00'],
    ]);
  });

  it('expands monthly nth-weekday rules, COUNT and an UNTIL in UTC', () => {
    assert.deepEqual(isoStarts(series('2026-01-06T09:00:00', '2026-01-06T13:00:00', 'FREQ=MONTHLY;BYDAY=1TU'), '2026-03-01T00:00:00', '2026-05-01T00:00:00'),
      ['2026-03-03T09:00:00+02:00', '2026-04-07T09:00:00+03:00']);
    assert.equal(isoStarts(series('2026-01-06T09:00:00', '2026-01-06T10:00:00', 'FREQ=WEEKLY;COUNT=3'), '2026-01-01T00:00:00', '2026-12-31T00:00:00').length, 3);
    // UNTIL 2026-04-07T06:00Z is 09:00 EEST that day: the 7 April occurrence is the last.
    assert.deepEqual(isoStarts(series('2026-03-03T09:00:00', '2026-03-03T10:00:00', 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260407T060000Z'), '2026-03-01T00:00:00', '2026-06-01T00:00:00'),
      ['2026-03-03T09:00:00+02:00', '2026-03-10T09:00:00+02:00', '2026-03-17T09:00:00+02:00', '2026-03-24T09:00:00+02:00', '2026-03-31T09:00:00+03:00', '2026-04-07T09:00:00+03:00']);
  });

  it('drops EXDATEs, moves overridden occurrences in and out of a window, and ignores exceptions that name no occurrence', () => {
    const s = series('2026-03-05T10:00:00', '2026-03-05T11:00:00', 'FREQ=WEEKLY;BYDAY=TH', {
      exdates: ['2026-04-09T10:00:00', '2026-04-10T10:00:00'],
      overrides: [
        ['2026-04-16T10:00:00', { rid: wall('2026-04-16T10:00:00'), start: at('2026-05-01T12:00:00'), end: at('2026-05-01T13:00:00') }],
        ['2026-04-17T10:00:00', { rid: wall('2026-04-17T10:00:00'), start: at('2026-04-18T12:00:00'), end: at('2026-04-18T13:00:00') }],
      ],
    });
    assert.deepEqual(isoStarts(s, '2026-04-06T00:00:00', '2026-04-25T00:00:00'), ['2026-04-23T10:00:00+03:00']);
    assert.deepEqual(isoStarts(s, '2026-04-29T00:00:00', '2026-05-03T00:00:00'), ['2026-04-30T10:00:00+03:00', '2026-05-01T12:00:00+03:00']);
    const expander = new Expander(s, TZ);
    assert.equal(expander.isOccurrence(wall('2026-04-16T10:00:00')), true);
    assert.equal(expander.isOccurrence(wall('2026-04-09T10:00:00')), false, 'excluded');
    assert.equal(expander.isOccurrence(wall('2026-04-17T10:00:00')), false, 'not a Thursday');
    assert.equal(expander.isOccurrence(wall('2026-03-05T10:00:00')), true, 'the first');
    assert.equal(expander.isOccurrence(wall('2026-02-26T10:00:00')), false, 'before the first');
  });

  it('answers windows asked in any order from the walk an earlier request kept, and walks very long rules afresh', () => {
    const monthly = () => series('2025-01-07T09:00:00', '2025-01-07T10:00:00', 'FREQ=MONTHLY;BYDAY=1TU');
    assert.deepEqual(isoStarts(monthly(), '2025-02-01T00:00:00', '2025-03-01T00:00:00'), ['2025-02-04T09:00:00+02:00']);
    assert.deepEqual(isoStarts(monthly(), '2028-01-01T00:00:00', '2028-02-01T00:00:00'), ['2028-01-04T09:00:00+02:00']);
    assert.deepEqual(isoStarts(monthly(), '2026-09-01T00:00:00', '2026-10-01T00:00:00'), ['2026-09-01T09:00:00+03:00']);
    assert.equal(new Expander(monthly(), TZ).isOccurrence(wall('2027-06-01T09:00:00')), true);
    assert.equal(new Expander(monthly(), TZ).isOccurrence(wall('2027-06-08T09:00:00')), false);
    // Daily since 1990: more steps than a walk keeps.
    const daily = series('1990-01-01T08:00:00', '1990-01-01T09:00:00', 'FREQ=DAILY');
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(isoStarts(daily, '2026-03-28T00:00:00', '2026-03-31T00:00:00'),
        ['2026-03-28T08:00:00+02:00', '2026-03-29T08:00:00+03:00', '2026-03-30T08:00:00+03:00']);
    }
  });

  it('treats an unreadable rule as a one-off event', () => {
    const s = series('2026-03-05T10:00:00', '2026-03-05T11:00:00', 'NOT A RULE');
    assert.equal(new Expander(s, TZ).recurring, false);
    assert.deepEqual(isoStarts(s, '2026-03-01T00:00:00', '2026-12-01T00:00:00'), ['2026-03-05T10:00:00+02:00']);
  });

  it('gives the same occurrences whatever time zone the server runs in', () => {
    const script = `
      import { Expander } from './src/server/events/expand.ts';
      import { fromWall, isoInZone } from './src/server/events/zone.ts';
      const at = (l) => fromWall(Date.parse(l + 'Z'), 'Europe/Athens');
      const s = { start: at('2026-03-05T10:00:00'), end: at('2026-03-05T11:00:00'), rrule: 'FREQ=WEEKLY;BYDAY=TH', exdates: new Set(), overrides: new Map() };
      const out = [['2026-03-19T00:00:00', '2026-04-10T00:00:00'], ['2026-10-15T00:00:00', '2026-11-06T00:00:00']]
        .flatMap(([f, t]) => new Expander(s, 'Europe/Athens').between(at(f), at(t)).map((i) => isoInZone(i.start, 'Europe/Athens')));
      console.log(JSON.stringify(out));`;
    const cwd = fileURLToPath(new URL('../../', import.meta.url));
    const expected = JSON.stringify([...isoStarts(weekly, '2026-03-19T00:00:00', '2026-04-10T00:00:00'), ...isoStarts(weekly, '2026-10-15T00:00:00', '2026-11-06T00:00:00')]);
    for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd, env: { ...process.env, TZ: zone }, encoding: 'utf8' });
      assert.equal(out.trim(), expected, zone);
    }
  });
});
