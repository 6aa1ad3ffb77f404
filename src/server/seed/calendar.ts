/**
 * Writes the demo events (./events.ts): the events themselves with the rest of the demo centre, then their
 * calendar details (migration 003: structured registration, languages, the moved one-off event, EXDATEs and
 * overrides) under their own marker, so a database seeded before 003 gets them on its next start too.
 * Local times (`2026-03-03T09:00`) become instants in the database with `AT TIME ZONE`.
 */
import type { Queryable } from '../db/types.ts';
import type { LocalDate } from './dates.ts';
import { seedEvents } from './events.ts';
import { seedId } from './ids.ts';
import type { SeedEvent } from './types.ts';

export const EVENTS_SEED_MARKER = 'seed_events_version';
export const EVENTS_SEED_VERSION = '1';

const registrationValues = (e: SeedEvent) => [
  e.registration.kind, e.registration.note ?? null, e.registration.capacity ?? null, e.registration.placesLeft ?? null,
  e.registration.url ?? null, [...(e.languages ?? ['el'])],
];

/** Inserts the demo events (with the demo centre, on first start). */
export async function insertEvents(tx: Queryable, timeZone: string, today: LocalDate) {
  for (const e of seedEvents(today)) {
    await tx.query(
      `INSERT INTO events (id, title, description, category, location_id, service_id, starts_at, ends_at, rrule, status,
         status_note, accessibility, registration_kind, registration_note, registration_capacity, registration_places_left,
         registration_url, languages)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamp AT TIME ZONE $13, $8::timestamp AT TIME ZONE $13, $9, $10, $11, $12,
         $14, $15, $16, $17, $18, $19)`,
      [seedId(e.key), e.title, e.description, e.category, seedId(e.location), e.programme ? seedId(e.programme) : null,
        e.start, e.end, e.rrule ?? null, e.status, e.statusNote ?? null, e.accessibility ?? null, timeZone, ...registrationValues(e)],
    );
  }
}

/** Adds the calendar details unless they are there already (or the demo events are not); returns whether it did. */
export async function seedEventDetails(tx: Queryable, timeZone: string, today: LocalDate): Promise<boolean> {
  const events = seedEvents(today);
  const present = await tx.query('SELECT 1 FROM events WHERE id = $1', [seedId(events[0]!.key)]);
  if (present.rows.length === 0) return false;
  const marker = await tx.query(
    'INSERT INTO kentro_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
    [EVENTS_SEED_MARKER, EVENTS_SEED_VERSION],
  );
  if (marker.rows.length === 0) return false;
  for (const e of events) {
    const id = seedId(e.key);
    // The same values insertEvents writes; for events written before migration 003 had these columns.
    await tx.query(
      `UPDATE events SET category = $2, status_note = $3, registration_kind = $4, registration_note = $5,
         registration_capacity = $6, registration_places_left = $7, registration_url = $8, languages = $9
       WHERE id = $1`,
      [id, e.category, e.statusNote ?? null, ...registrationValues(e)],
    );
    if (e.movedByDays) {
      await tx.query(
        `UPDATE events SET original_starts_at = starts_at, starts_at = starts_at + make_interval(days => $2),
           ends_at = ends_at + make_interval(days => $2), sequence = sequence + 1, updated_at = now()
         WHERE id = $1 AND original_starts_at IS NULL`,
        [id, e.movedByDays],
      );
    }
    for (const x of e.exdates ?? []) {
      await tx.query('INSERT INTO event_exdates (event_id, recurrence_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, x]);
    }
    for (const o of e.overrides ?? []) {
      await tx.query(
        `INSERT INTO event_overrides (id, event_id, recurrence_id, status, status_note, starts_at, ends_at, sequence)
         VALUES ($1, $2, $3, $4, $5, $6::timestamp AT TIME ZONE $8, $7::timestamp AT TIME ZONE $8, 1)
         ON CONFLICT (event_id, recurrence_id) DO NOTHING`,
        [seedId(`${e.key}@${o.occurrence}`), id, o.occurrence, o.status ?? null, o.statusNote ?? null, o.start ?? null, o.end ?? null, timeZone],
      );
    }
  }
  return true;
}
