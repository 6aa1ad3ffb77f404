/**
 * Reading events: series (and one-off events) with their EXDATEs, overrides and places, filtered in SQL as far as
 * a series allows; what depends on a single occurrence (its place after an override, its own title) is decided
 * after expansion (./occurrences.ts). Search folds accents, case and final sigma with `kentro_fold` (migration 001).
 */
import type { Queryable } from '../db/types.ts';
import { searchWords } from '../hsds/search.ts';
import { isUuid, Params } from '../hsds/sql.ts';
import type { OverrideLike, SeriesLike } from './expand.ts';
import type { WallMs } from './zone.ts';

/** `location` filter value meaning "held online". */
export const ONLINE = 'online';

export interface EventRow {
  id: string;
  title: string;
  description: string;
  category: string;
  location_id: string | null;
  service_id: string | null;
  starts_at: Date;
  ends_at: Date;
  rrule: string | null;
  status: string;
  status_note: string | null;
  accessibility: string | null;
  registration_kind: 'none' | 'open' | 'full' | 'link';
  registration_note: string | null;
  registration_capacity: number | null;
  registration_places_left: number | null;
  registration_url: string | null;
  languages: string[];
  online: boolean;
  original_starts_at: Date | null;
  sequence: number;
  created_at: Date;
  updated_at: Date;
  /** Whether the series' own title and description hold every search word (true without a search). */
  text_match: boolean;
}

export interface OverrideRow extends OverrideLike {
  id: string;
  event_id: string;
  status: string | null;
  status_note: string | null;
  title: string | null;
  description: string | null;
  location_id: string | null;
  sequence: number;
  created_at: Date;
  updated_at: Date;
  /** Whether the occurrence's title and description (this override's or the series') hold every search word. */
  text_match: boolean;
}

export interface LocationRow {
  id: string;
  kind: 'centre' | 'branch' | 'mobile-stop';
  name: string;
  address_1: string;
  city: string;
  latitude: string | null;
  longitude: string | null;
}

export interface Series extends SeriesLike<OverrideRow> {
  row: EventRow;
}

export interface LoadedEvents {
  series: Series[];
  locations: Map<string, LocationRow>;
}

export interface EventFilters {
  /** Only these events (series or one-off). */
  ids?: readonly string[];
  categories?: readonly string[];
  /** Location ids or `online`; other values match nothing. */
  locations?: readonly string[];
  /** Only the series' own place counts (the feed); otherwise an override's place does too. */
  ownPlaceOnly?: boolean;
  /** Search text. */
  q?: string;
  /** Only events that may have an occurrence overlapping [from, to). */
  window?: { from: Date; to: Date };
  /** One-off events only when they end after this (series always). */
  oneOffsEndingAfter?: Date;
}

const EVENT_COLUMNS = `e.id, e.title, e.description, e.category, e.location_id, e.service_id, e.starts_at, e.ends_at, e.rrule,
  e.status, e.status_note, e.accessibility, e.registration_kind, e.registration_note, e.registration_capacity,
  e.registration_places_left, e.registration_url, e.languages, e.online, e.original_starts_at, e.sequence, e.created_at, e.updated_at`;

const LOCAL = `'YYYY-MM-DD"T"HH24:MI:SS'`;

/** SQL: every search word is in `text` (folded). */
function matchAll(text: string, words: readonly string[], p: Params): string {
  if (words.length === 0) return 'true';
  return `(${words.map((w) => `kentro_fold(${text}) LIKE '%' || kentro_fold(${p.add(w, 'text')}) || '%'`).join(' AND ')})`;
}

const OVERRIDE_TEXT = `coalesce(o.title, e.title) || ' ' || coalesce(o.description, e.description)`;

export async function loadEvents(db: Queryable, filters: EventFilters): Promise<LoadedEvents> {
  const p = new Params();
  const and: string[] = [];
  const words = searchWords(filters.q);
  const seriesMatch = matchAll(`e.title || ' ' || e.description`, words, p);
  if (filters.ids) {
    const ids = filters.ids.filter(isUuid);
    if (ids.length === 0) return { series: [], locations: new Map() };
    and.push(`e.id = ANY(${p.add(ids, 'uuid[]')})`);
  }
  if (filters.categories?.length) and.push(`e.category = ANY(${p.add([...filters.categories], 'text[]')})`);
  if (filters.locations?.length) {
    const ids = filters.locations.filter(isUuid);
    const online = filters.locations.includes(ONLINE);
    const any: string[] = [];
    if (ids.length) {
      const list = p.add(ids, 'uuid[]');
      any.push(`e.location_id = ANY(${list})`);
      if (!filters.ownPlaceOnly) any.push(`EXISTS (SELECT 1 FROM event_overrides o WHERE o.event_id = e.id AND o.location_id = ANY(${list}))`);
    }
    if (online) {
      any.push(`e.online OR e.status = 'moved-online'`);
      if (!filters.ownPlaceOnly) any.push(`EXISTS (SELECT 1 FROM event_overrides o WHERE o.event_id = e.id AND o.status = 'moved-online')`);
    }
    if (any.length === 0) return { series: [], locations: new Map() };
    and.push(`(${any.join(' OR ')})`);
  }
  if (words.length) {
    const overrideMatch = matchAll(OVERRIDE_TEXT, words, p);
    and.push(`(${seriesMatch} OR EXISTS (SELECT 1 FROM event_overrides o WHERE o.event_id = e.id
      AND (o.title IS NOT NULL OR o.description IS NOT NULL) AND ${overrideMatch}))`);
  }
  if (filters.window) {
    const from = p.add(filters.window.from.toISOString(), 'timestamptz');
    const to = p.add(filters.window.to.toISOString(), 'timestamptz');
    and.push(`((e.rrule IS NULL AND e.starts_at < ${to} AND e.ends_at > ${from})
      OR (e.rrule IS NOT NULL AND (e.starts_at < ${to}
        OR EXISTS (SELECT 1 FROM event_overrides o WHERE o.event_id = e.id AND o.starts_at < ${to} AND o.ends_at > ${from}))))`);
  }
  if (filters.oneOffsEndingAfter) and.push(`(e.rrule IS NOT NULL OR e.ends_at > ${p.add(filters.oneOffsEndingAfter.toISOString(), 'timestamptz')})`);

  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS}, ${seriesMatch} AS text_match FROM events e ${and.length ? `WHERE ${and.join(' AND ')}` : ''}
     ORDER BY e.starts_at, e.id`,
    p.values,
  );
  if (rows.length === 0) return { series: [], locations: new Map() };

  const ids = rows.filter((r) => r.rrule).map((r) => r.id);
  const op = new Params();
  const list = op.add(ids, 'uuid[]');
  const overrideMatch = matchAll(OVERRIDE_TEXT, words, op);
  const [overrides, exdates] = ids.length
    ? await Promise.all([
      db.query<Omit<OverrideRow, 'rid' | 'start' | 'end'> & { rid: string; starts_at: Date | null; ends_at: Date | null }>(
        `SELECT o.id, o.event_id, to_char(o.recurrence_id, ${LOCAL}) AS rid, o.status, o.status_note, o.starts_at, o.ends_at,
           o.title, o.description, o.location_id, o.sequence, o.created_at, o.updated_at, ${overrideMatch} AS text_match
         FROM event_overrides o JOIN events e ON e.id = o.event_id WHERE o.event_id = ANY(${list}) ORDER BY o.recurrence_id`,
        op.values,
      ),
      db.query<{ event_id: string; rid: string }>(
        `SELECT event_id, to_char(recurrence_id, ${LOCAL}) AS rid FROM event_exdates WHERE event_id = ANY($1::uuid[]) ORDER BY recurrence_id`,
        [ids],
      ),
    ])
    : [{ rows: [] }, { rows: [] }];

  const wall = (local: string): WallMs => Date.parse(`${local}Z`);
  const series = new Map<string, Series>(rows.map((row) => [row.id, {
    row, start: row.starts_at.getTime(), end: row.ends_at.getTime(), rrule: row.rrule ?? undefined,
    exdates: new Set<WallMs>(), overrides: new Map<WallMs, OverrideRow>(),
  }]));
  for (const x of exdates.rows) (series.get(x.event_id)!.exdates as Set<WallMs>).add(wall(x.rid));
  for (const { starts_at, ends_at, ...o } of overrides.rows) {
    const override: OverrideRow = { ...o, rid: wall(o.rid), start: starts_at?.getTime(), end: ends_at?.getTime() };
    (series.get(o.event_id)!.overrides as Map<WallMs, OverrideRow>).set(override.rid, override);
  }

  const locationIds = new Set<string>();
  for (const r of rows) if (r.location_id) locationIds.add(r.location_id);
  for (const o of overrides.rows) if (o.location_id) locationIds.add(o.location_id);
  const locations = new Map<string, LocationRow>();
  if (locationIds.size) {
    const { rows: places } = await db.query<LocationRow>(
      'SELECT id, kind, name, address_1, city, latitude, longitude FROM locations WHERE id = ANY($1::uuid[])',
      [[...locationIds]],
    );
    for (const l of places) locations.set(l.id, l);
  }
  return { series: [...series.values()], locations };
}

/** The name of the centre (its organisation) for the feed's title. */
export async function centreName(db: Queryable): Promise<string | undefined> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM organizations ORDER BY created_at, id LIMIT 1');
  return rows[0]?.name;
}
