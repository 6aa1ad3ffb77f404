/**
 * Occurrences as the contract gives them: `GET /events` (a window) and `GET /events/{id}` (one occurrence, or the
 * next one of a series or one-off event).
 */
import type { EventCategory, EventList, EventOccurrence, EventPlace, EventStatus, Registration } from '../../contract/events.ts';
import type { Queryable } from '../db/types.ts';
import { Expander, HORIZON, type Instance } from './expand.ts';
import { loadEvents, ONLINE, type EventFilters, type LocationRow, type OverrideRow, type Series } from './store.ts';
import { fromWall, isoInZone, parseWallStamp, wallStamp } from './zone.ts';

/** The place of online events (names are in the centre's language, as its data). */
export const ONLINE_PLACE: EventPlace = { id: ONLINE, name: 'Διαδικτυακά', kind: 'online' };

const PLACE_KINDS: Record<LocationRow['kind'], EventPlace['kind']> = { centre: 'centre', branch: 'branch', 'mobile-stop': 'village' };

export function placeOf(l: LocationRow): EventPlace {
  return { id: l.id, name: l.name, kind: PLACE_KINDS[l.kind] ?? 'other', address: l.address_1, city: l.city };
}

/** Occurrence id: the event id for a one-off event, `<seriesId>_<YYYYMMDDTHHMM>` (original local start) in a series. */
export const occurrenceId = (seriesId: string, rid: number | undefined) => (rid === undefined ? seriesId : `${seriesId}_${wallStamp(rid)}`);

/** `<uuid>` or `<uuid>_<YYYYMMDDTHHMM>`. */
export function parseOccurrenceId(id: string): { seriesId: string; rid?: number } | undefined {
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:_(\d{8}T\d{4}))?$/i.exec(id);
  if (!m) return undefined;
  const seriesId = m[1]!.toLowerCase();
  if (m[2] === undefined) return { seriesId };
  const rid = parseWallStamp(m[2]);
  return rid === undefined ? undefined : { seriesId, rid };
}

/** The status, note, title, description and place of one occurrence, after its override. */
export function effective(series: Series, override: OverrideRow | undefined, locations: ReadonlyMap<string, LocationRow>) {
  const row = series.row;
  const status = (override?.status ?? row.status) as EventStatus;
  const statusNote = override?.status ? override.status_note : override?.status_note ?? row.status_note;
  const locationId = override?.location_id ?? row.location_id;
  const location = locationId ? locations.get(locationId) : undefined;
  const online = row.online || status === 'moved-online';
  return {
    status,
    statusNote: statusNote ?? undefined,
    title: override?.title ?? row.title,
    description: override?.description ?? row.description,
    place: online ? ONLINE_PLACE : location ? placeOf(location) : undefined,
    location,
    online,
  };
}

export function registrationOf(row: Series['row']): Registration {
  return {
    kind: row.registration_kind,
    ...(row.registration_note ? { note: row.registration_note } : {}),
    ...(row.registration_places_left !== null ? { placesLeft: row.registration_places_left } : {}),
    ...(row.registration_capacity !== null ? { capacity: row.registration_capacity } : {}),
    ...(row.registration_url ? { url: row.registration_url } : {}),
  };
}

export function toOccurrence(
  series: Series, instance: Instance<OverrideRow>, locations: ReadonlyMap<string, LocationRow>, timeZone: string,
): EventOccurrence {
  const row = series.row;
  const e = effective(series, instance.override, locations);
  const recurring = instance.rid !== undefined;
  // Moved: an override with its own times (original start = the RECURRENCE-ID), or a one-off event moved.
  const originalStart = recurring
    ? (instance.override?.start !== undefined ? fromWall(instance.rid!, timeZone) : undefined)
    : row.original_starts_at?.getTime();
  return {
    id: occurrenceId(row.id, instance.rid),
    seriesId: row.id,
    title: e.title,
    description: e.description,
    category: row.category as EventCategory,
    status: e.status,
    ...(e.statusNote ? { statusNote: e.statusNote } : {}),
    start: isoInZone(instance.start, timeZone),
    end: isoInZone(instance.end, timeZone),
    ...(originalStart !== undefined && originalStart !== instance.start ? { originalStart: isoInZone(originalStart, timeZone) } : {}),
    ...(e.place ? { place: e.place } : {}),
    ...(row.accessibility ? { accessibility: row.accessibility } : {}),
    languages: row.languages,
    registration: registrationOf(row),
    ...(row.service_id ? { serviceId: row.service_id } : {}),
    recurring,
  };
}

/** Whether an occurrence passes the filters that depend on it alone (its place, its own text). */
function keep(series: Series, instance: Instance<OverrideRow>, filters: EventFilters, locations: ReadonlyMap<string, LocationRow>): boolean {
  const override = instance.override;
  if (filters.q && override && (override.title !== null || override.description !== null)) {
    if (!override.text_match) return false;
  } else if (filters.q && !series.row.text_match) return false;
  if (filters.locations?.length) {
    const place = effective(series, override, locations).place;
    if (!place || !filters.locations.includes(place.id)) return false;
  }
  return true;
}

export interface Window {
  from: number;
  to: number;
}

export async function listOccurrences(
  db: Queryable, timeZone: string, window: Window, filters: Omit<EventFilters, 'window'>,
): Promise<EventList> {
  const f: EventFilters = { ...filters, window: { from: new Date(window.from), to: new Date(window.to) } };
  const { series, locations } = await loadEvents(db, f);
  const items: { start: number; occurrence: EventOccurrence }[] = [];
  for (const s of series) {
    for (const instance of new Expander(s, timeZone).between(window.from, window.to)) {
      if (keep(s, instance, f, locations)) items.push({ start: instance.start, occurrence: toOccurrence(s, instance, locations, timeZone) });
    }
  }
  items.sort((a, b) => a.start - b.start || (a.occurrence.id < b.occurrence.id ? -1 : 1));
  return {
    timeZone,
    from: isoInZone(window.from, timeZone),
    to: isoInZone(window.to, timeZone),
    items: items.map((i) => i.occurrence),
  };
}

/**
 * One occurrence by id; for a series id its next occurrence that is not cancelled (else the next one, else the
 * last one), for a one-off event id the event. Undefined when there is no such occurrence.
 */
export async function getOccurrence(db: Queryable, timeZone: string, id: string, now = Date.now()): Promise<EventOccurrence | undefined> {
  const parsed = parseOccurrenceId(id);
  if (!parsed) return undefined;
  const { series: [series], locations } = await loadEvents(db, { ids: [parsed.seriesId] });
  if (!series) return undefined;
  const expander = new Expander(series, timeZone);
  if (parsed.rid !== undefined) {
    if (!expander.recurring || !expander.isOccurrence(parsed.rid)) return undefined;
    return toOccurrence(series, expander.instance(parsed.rid), locations, timeZone);
  }
  if (!expander.recurring) return toOccurrence(series, expander.instance(expander.wallStart), locations, timeZone);
  const status = (i: Instance<OverrideRow>) => i.override?.status ?? series.row.status;
  const coming = expander.between(now, now + HORIZON);
  const chosen = coming.find((i) => status(i) !== 'cancelled') ?? coming[0] ?? expander.between(series.start - HORIZON, now).at(-1);
  return chosen && toOccurrence(series, chosen, locations, timeZone);
}
