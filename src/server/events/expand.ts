/**
 * Recurring series → occurrences, with ical.js's recurrence engine, in the centre's time zone.
 *
 * The RRULE is expanded in floating (wall-clock) time from the series' local start, so a weekly 10:00 stays 10:00
 * on both sides of a daylight-saving change; each wall-clock start is then turned into an instant with the zone's
 * offset on that date (./zone.ts, Intl's time-zone data). This is what RFC 5545 prescribes for a DTSTART with a
 * TZID, and it does not depend on the zone the server runs in (rrule.js 2.8 does, see STACK notes).
 *
 * Exceptions: EXDATEs remove an occurrence; an override (RECURRENCE-ID) changes one, and may move it in or out
 * of a window. An occurrence is named by its original wall-clock start (`rid`), which neither a move nor an
 * edit changes. Overrides or EXDATEs that name no occurrence of the rule are ignored.
 */
import ICAL from 'ical.js';
import { DAY, fromWall, toWall, wallParts, type WallMs } from './zone.ts';

/** What expansion needs of an override (a row of `event_overrides`). */
export interface OverrideLike {
  /** Original wall-clock start. */
  rid: WallMs;
  /** Moved: the new start and end instants. */
  start?: number;
  end?: number;
}

export interface SeriesLike<O extends OverrideLike = OverrideLike> {
  /** First start and end, instants (ms). */
  start: number;
  end: number;
  /** RRULE value without `RRULE:`, undefined for a one-off event. */
  rrule?: string;
  exdates: ReadonlySet<WallMs>;
  overrides: ReadonlyMap<WallMs, O>;
}

export interface Instance<O extends OverrideLike = OverrideLike> {
  /** The original wall-clock start; undefined for a one-off event. */
  rid?: WallMs;
  start: number;
  end: number;
  override?: O;
}

/** No series walks more steps than this in one expansion (a daily rule over 270 years). */
export const MAX_STEPS = 100_000;

const DAILY_OR_COARSER = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

/** Keeps at most `max` entries, dropping the one used least recently. */
class Recent<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): V {
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, value);
    return value;
  }

  delete(key: string) {
    this.map.delete(key);
  }
}

/** Parsed rules by zone and text (`null`: not a rule we expand). Rules are only read once parsed. */
const rules = new Recent<ICAL.Recur | null>(1000);

/**
 * A parsed rule, or undefined when the text is no rule ical.js understands or one finer than daily (then the
 * event is a one-off, as it would be for a calendar that cannot read the rule).
 */
export function parseRule(rrule: string | undefined, timeZone: string): ICAL.Recur | undefined {
  if (!rrule) return undefined;
  const key = `${timeZone}\n${rrule}`;
  const known = rules.get(key);
  return (known === undefined ? rules.set(key, readRule(rrule, timeZone) ?? null) : known) ?? undefined;
}

function readRule(rrule: string, timeZone: string): ICAL.Recur | undefined {
  try {
    const rule = ICAL.Recur.fromString(rrule);
    // As migration 003 allows: at most one occurrence a day.
    if (!DAILY_OR_COARSER.has(rule.freq) || ['BYHOUR', 'BYMINUTE', 'BYSECOND'].some((p) => p in rule.parts)) return undefined;
    // UNTIL in UTC is compared with wall-clock times: write it as the wall-clock time it names.
    if (rule.until && !rule.until.isDate && rule.until.zone === ICAL.Timezone.utcTimezone) {
      const wall = toWall(rule.until.toJSDate().getTime(), timeZone);
      rule.until = ICAL.Time.fromData({ ...wallParts(wall), isDate: false });
    }
    return rule;
  } catch {
    return undefined;
  }
}

const toWallMs = (t: ICAL.Time): WallMs => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/**
 * A rule's recurrence ids walked so far from one start, with the iterator to walk further. Every request for a
 * window walks a series from its first occurrence (ical.js cannot start in the middle), and a step costs
 * microseconds (a monthly "first Tuesday" tests each day of the month): the walk is kept, keyed by what it depends
 * on (zone, rule text, start), so each step is taken once per process.
 */
interface Walk {
  iterator: ICAL.RecurIterator;
  rids: WallMs[];
  done: boolean;
  /** False once it grew past MAX_KEPT_RIDS: such a series is walked afresh each time, as without this cache. */
  kept: boolean;
}

const walks = new Recent<Walk>(500);
/** At most this many recurrence ids are kept per walk (a daily rule over 27 years); memory stays in megabytes. */
const MAX_KEPT_RIDS = 10_000;

/** The walk of `rule` from `wallStart` reaching at least `untilWall` (or its end), or undefined when not kept. */
function walkTo(rule: ICAL.Recur, key: string, wallStart: WallMs, untilWall: WallMs): readonly WallMs[] | undefined {
  const walk = walks.get(key) ?? walks.set(key, {
    iterator: rule.iterator(ICAL.Time.fromData({ ...wallParts(wallStart), isDate: false })), rids: [], done: false, kept: true,
  });
  if (!walk.kept) return undefined;
  const { rids } = walk;
  while (!walk.done && (rids.length === 0 || rids[rids.length - 1]! < untilWall)) {
    const next = rids.length < MAX_STEPS ? walk.iterator.next() : undefined;
    if (next) rids.push(toWallMs(next));
    else walk.done = true;
    if (rids.length > MAX_KEPT_RIDS) {
      walks.set(key, { ...walk, rids: [], kept: false });
      return undefined;
    }
  }
  return rids;
}

/** A series prepared for expansion: its rule, wall-clock start and wall-clock length. */
export class Expander<O extends OverrideLike = OverrideLike> {
  readonly rule: ICAL.Recur | undefined;
  readonly wallStart: WallMs;
  /** Wall-clock length, so 09:00–13:00 is 09:00–13:00 on every date (as ical.js computes DTEND − DTSTART). */
  readonly wallLength: number;

  constructor(readonly series: SeriesLike<O>, readonly timeZone: string) {
    this.rule = parseRule(series.rrule, timeZone);
    this.wallStart = toWall(series.start, timeZone);
    this.wallLength = toWall(series.end, timeZone) - this.wallStart;
  }

  get recurring(): boolean {
    return this.rule !== undefined;
  }

  /** Original wall-clock starts of the rule (EXDATEs not removed), in order, from the first up to `untilWall`. */
  *recurrenceIds(untilWall: WallMs): Generator<WallMs> {
    if (!this.rule) {
      yield this.wallStart;
      return;
    }
    const walked = walkTo(this.rule, `${this.timeZone}\n${this.series.rrule}\n${this.wallStart}`, this.wallStart, untilWall);
    if (walked) {
      for (const wall of walked) {
        if (wall > untilWall) return;
        yield wall;
      }
      return;
    }
    const iterator = this.rule.iterator(ICAL.Time.fromData({ ...wallParts(this.wallStart), isDate: false }));
    for (let steps = 0; steps < MAX_STEPS; steps++) {
      const next = iterator.next();
      if (!next) return;
      const wall = toWallMs(next);
      if (wall > untilWall) return;
      yield wall;
    }
  }

  /** Whether `rid` is an occurrence of the series (of its rule and not excluded). */
  isOccurrence(rid: WallMs): boolean {
    if (!this.rule) return rid === this.wallStart;
    if (this.series.exdates.has(rid)) return false;
    for (const wall of this.recurrenceIds(rid)) if (wall === rid) return true;
    return false;
  }

  /** The occurrence `rid` with its override applied (call `isOccurrence` first). */
  instance(rid: WallMs): Instance<O> {
    if (!this.rule) return { start: this.series.start, end: this.series.end };
    const override = this.series.overrides.get(rid);
    if (override?.start !== undefined && override.end !== undefined) return { rid, start: override.start, end: override.end, override };
    return { rid, start: fromWall(rid, this.timeZone), end: fromWall(rid + this.wallLength, this.timeZone), override };
  }

  /** The occurrences overlapping [from, to) (instants), sorted by start. */
  between(from: number, to: number): Instance<O>[] {
    const overlaps = (i: Instance<O>) => i.start < to && i.end > from;
    if (!this.rule) {
      const single = this.instance(this.wallStart);
      return overlaps(single) ? [single] : [];
    }
    const out: Instance<O>[] = [];
    const seen = new Set<WallMs>();
    // Wall-clock bounds with a day of slack either side for the offset, then exact tests on instants.
    const fromWall_ = toWall(from, this.timeZone) - this.wallLength - DAY;
    const untilWall = toWall(to, this.timeZone) + DAY;
    for (const rid of this.recurrenceIds(untilWall)) {
      if (rid < fromWall_ || this.series.exdates.has(rid)) continue;
      seen.add(rid);
      const instance = this.instance(rid);
      if (overlaps(instance)) out.push(instance);
    }
    // Occurrences moved into the window from outside it.
    for (const [rid, override] of this.series.overrides) {
      if (seen.has(rid) || override.start === undefined || override.end === undefined) continue;
      if (!(override.start < to && override.end > from)) continue;
      if (this.isOccurrence(rid)) out.push(this.instance(rid));
    }
    return out.sort((a, b) => a.start - b.start || (a.rid ?? 0) - (b.rid ?? 0));
  }
}

/** Nothing is expanded further than this from a request's "now" (the next occurrence of a series). */
export const HORIZON = 400 * DAY;
