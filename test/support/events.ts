/** Helpers for the events tests: fixture series in the database, typed GETs, and reading feeds back with ical.js. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import type { EventList, EventOccurrence } from '../../src/contract/events.ts';
import type { Queryable } from '../../src/server/db/types.ts';
import type { TestServer } from './server.ts';

export const TZ = 'Europe/Athens';

export interface FixtureEvent {
  id?: string;
  title: string;
  description?: string;
  category?: string;
  locationId?: string | null;
  /** Local wall-clock times in Athens, `2026-03-05T10:00`. */
  start: string;
  end: string;
  rrule?: string;
  status?: string;
  statusNote?: string;
  online?: boolean;
  originalStart?: string;
  registration?: { kind: string; capacity?: number; placesLeft?: number; url?: string; note?: string };
  exdates?: string[];
  overrides?: { occurrence: string; start?: string; end?: string; status?: string; statusNote?: string; title?: string; description?: string; locationId?: string }[];
}

/** Inserts an event (with its EXDATEs and overrides); returns its id. */
export async function insertEvent(db: Queryable, e: FixtureEvent): Promise<string> {
  const id = e.id ?? randomUUID();
  const r = e.registration ?? { kind: 'none' };
  await db.query(
    `INSERT INTO events (id, title, description, category, location_id, starts_at, ends_at, rrule, status, status_note, online,
       original_starts_at, registration_kind, registration_capacity, registration_places_left, registration_url, registration_note)
     VALUES ($1, $2, $3, $4, $5, $6::timestamp AT TIME ZONE $17, $7::timestamp AT TIME ZONE $17, $8, $9, $10, $11,
       $12::timestamp AT TIME ZONE $17, $13, $14, $15, $16, $18)`,
    [id, e.title, e.description ?? 'Δοκιμαστική εκδήλωση.', e.category ?? 'community', e.locationId ?? null, e.start, e.end,
      e.rrule ?? null, e.status ?? 'scheduled', e.statusNote ?? null, e.online ?? false, e.originalStart ?? null, r.kind,
      r.capacity ?? null, r.placesLeft ?? null, r.url ?? null, TZ, r.note ?? null],
  );
  for (const x of e.exdates ?? []) await db.query('INSERT INTO event_exdates (event_id, recurrence_id) VALUES ($1, $2)', [id, x]);
  for (const o of e.overrides ?? []) {
    await db.query(
      `INSERT INTO event_overrides (event_id, recurrence_id, status, status_note, starts_at, ends_at, title, description, location_id, sequence)
       VALUES ($1, $2, $3, $4, $5::timestamp AT TIME ZONE $10, $6::timestamp AT TIME ZONE $10, $7, $8, $9, 1)`,
      [id, o.occurrence, o.status ?? null, o.statusNote ?? null, o.start ?? null, o.end ?? null, o.title ?? null, o.description ?? null, o.locationId ?? null, TZ],
    );
  }
  return id;
}

export async function getEvents(s: TestServer, query: string): Promise<EventList> {
  const res = await s.fetch(`/api/events?${query}`);
  const body = (await res.json()) as EventList;
  assert.equal(res.status, 200, `${query}: ${JSON.stringify(body).slice(0, 400)}`);
  return body;
}

/** The occurrences of one series in a window. */
export async function occurrencesOf(s: TestServer, seriesId: string, from: string, to: string): Promise<EventOccurrence[]> {
  return (await getEvents(s, `from=${from}&to=${to}`)).items.filter((i) => i.seriesId === seriesId);
}

export async function getIcs(s: TestServer, path: string, init?: RequestInit): Promise<{ res: Response; text: string }> {
  const res = await s.fetch(path, init);
  return { res, text: await res.text() };
}

/** An occurrence read back from a feed. */
export interface FeedOccurrence {
  uid: string;
  /** The API's occurrence id: the UID's id, plus `_<RECURRENCE-ID>` in a series. */
  id: string;
  /** RECURRENCE-ID (or DTSTART of a one-off) as local `YYYYMMDDTHHMM`, as the API's occurrence ids. */
  recurrenceStamp: string;
  start: string;
  end: string;
  status: string;
  kentroStatus: string;
  summary: string;
}

const stamp = (t: ICAL.Time) => t.toICALString().replace(/[-:]/g, '').slice(0, 13);

/**
 * Expands a VCALENDAR with ical.js alone (its VTIMEZONE, RRULE, EXDATE and RECURRENCE-ID overrides) into the
 * occurrences overlapping [from, to), cancelled ones included: what a subscriber's calendar would show.
 */
export function expandFeed(ics: string, from: Date, to: Date): FeedOccurrence[] {
  const vcal = new ICAL.Component(ICAL.parse(ics));
  const masters = new Map<string, ICAL.Event>();
  const overrides: ICAL.Component[] = [];
  for (const ve of vcal.getAllSubcomponents('vevent')) {
    if (ve.hasProperty('recurrence-id')) overrides.push(ve);
    else masters.set(String(ve.getFirstPropertyValue('uid')), new ICAL.Event(ve, { strictExceptions: true, exceptions: [] }));
  }
  for (const ov of overrides) masters.get(String(ov.getFirstPropertyValue('uid')))?.relateException(ov);
  const out: FeedOccurrence[] = [];
  const emit = (ev: ICAL.Event, item: ICAL.Event, start: ICAL.Time, end: ICAL.Time, recurrenceId: ICAL.Time) => {
    const s = start.toJSDate();
    const e = end.toJSDate();
    if (e <= from || s >= to) return;
    const recurrenceStamp = stamp(recurrenceId);
    const bare = ev.uid.replace(/@.*$/, '');
    out.push({
      uid: ev.uid, id: ev.isRecurring() ? `${bare}_${recurrenceStamp}` : bare, recurrenceStamp, start: s.toISOString(), end: e.toISOString(),
      status: String(item.component.getFirstPropertyValue('status')),
      kentroStatus: String(item.component.getFirstPropertyValue('x-kentro-status')),
      summary: item.summary,
    });
  };
  for (const ev of masters.values()) {
    if (!ev.isRecurring()) {
      emit(ev, ev, ev.startDate, ev.endDate, ev.startDate);
      continue;
    }
    const it = ev.iterator();
    for (let next = it.next(), n = 0; next && n < 5000; next = it.next(), n++) {
      if (next.toJSDate().getTime() >= to.getTime() + 40 * 86_400_000) break;
      const d = ev.getOccurrenceDetails(next);
      emit(ev, d.item, d.startDate, d.endDate, d.recurrenceId);
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
}
