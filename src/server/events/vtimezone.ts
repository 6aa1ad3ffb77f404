/**
 * A VTIMEZONE for any IANA zone, made from Intl's time-zone data (ical.js has no zone database). The offset
 * changes of the years asked for are found by sampling; a change that falls on the same weekday of the same
 * month at the same local time every year up to the last year asked for becomes one observance with a yearly
 * RRULE (for Athens: the last Sunday of March at 03:00 and of October at 04:00, EU rules), valid for every
 * later year too; earlier, irregular changes are listed as RDATEs. Sampling starts a year early, so the
 * observance in force on 1 January of the first year is there too (ical.js reads times before the first
 * observance as UTC); when that year had no change, an observance with the offset then in force opens the list.
 */
import { DAY, MINUTE, formatOffset, formatWall, offsetMinutes } from './zone.ts';

interface Transition {
  /** The first instant of the new offset. */
  instant: number;
  from: number;
  to: number;
}

/** Every change of offset in [fromYear, toYear], to the minute. */
function transitions(timeZone: string, fromYear: number, toYear: number): Transition[] {
  const out: Transition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let t = Date.UTC(fromYear, 0, 1);
  let offset = offsetMinutes(t, timeZone);
  for (; t < end; t += DAY) {
    const next = offsetMinutes(t + DAY, timeZone);
    if (next === offset) continue;
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetMinutes(mid, timeZone) === offset) lo = mid;
      else hi = mid;
    }
    out.push({ instant: hi, from: offset, to: next });
    offset = next;
  }
  return out;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const daysInMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** Where a change falls in its year, in local time before the change (as VTIMEZONE DTSTARTs are written). */
function placeOf(t: Transition) {
  const wall = new Date(t.instant + t.from * MINUTE);
  const day = wall.getUTCDate();
  const month0 = wall.getUTCMonth();
  return {
    year: wall.getUTCFullYear(),
    month: month0 + 1,
    weekday: WEEKDAYS[wall.getUTCDay()]!,
    time: wall.toISOString().slice(11, 19),
    nth: Math.ceil(day / 7),
    last: day + 7 > daysInMonth(wall.getUTCFullYear(), month0),
    wall: wall.getTime(),
  };
}

/** The yearly BYMONTH/BYDAY rule all of `list` (one a year, in order) follow, if there is one. */
function yearlyRule(list: readonly Transition[]): string | undefined {
  const places = list.map(placeOf);
  const first = places[0]!;
  const same = (f: (p: typeof first) => unknown) => places.every((p) => f(p) === f(first));
  const yearly = places.every((p, i) => i === 0 || p.year === places[i - 1]!.year + 1);
  if (!yearly || !same((p) => p.month) || !same((p) => p.weekday) || !same((p) => p.time)) return undefined;
  if (places.every((p) => p.last)) return `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=-1${first.weekday}`;
  if (same((p) => p.nth)) return `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=${first.nth}${first.weekday}`;
  return undefined;
}

const compact = (wall: number) => formatWall(wall).replace(/[-:]/g, '');

/** The zone's abbreviation at `instant` (`EET`, `EEST`), or the offset when the locale data has none. */
function zoneName(timeZone: string, instant: number, offset: number): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value;
  return name && !/^(GMT|UTC)/.test(name) ? name : formatOffset(offset, false);
}

interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  from: number;
  to: number;
  name: string;
  start: number;
  rrule?: string;
  rdates: number[];
}

function observances(timeZone: string, fromYear: number, toYear: number): Observance[] {
  const list = transitions(timeZone, fromYear - 1, toYear);
  const opening = (): Observance => {
    const t = Date.UTC(fromYear - 1, 0, 1);
    const offset = offsetMinutes(t, timeZone);
    return { kind: 'STANDARD', from: offset, to: offset, name: zoneName(timeZone, t, offset), start: t + offset * MINUTE, rdates: [] };
  };
  if (list.length === 0) return [opening()];
  // Changes with the same offsets, in time order; each group's longest regular tail reaching the last year
  // becomes an RRULE, the rest RDATEs.
  const groups = new Map<string, Transition[]>();
  for (const t of list) {
    const key = `${t.from}/${t.to}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const out: Observance[] = [];
  for (const group of groups.values()) {
    let tail = 0;
    const lastYear = placeOf(group[group.length - 1]!).year;
    if (lastYear >= toYear) {
      tail = group.length;
      while (tail > 1 && !yearlyRule(group.slice(group.length - tail))) tail--;
      if (tail < 2) tail = 0;
    }
    const irregular = group.slice(0, group.length - tail);
    const regular = group.slice(group.length - tail);
    const { from, to } = group[0]!;
    const base = { kind: to > from ? 'DAYLIGHT' : 'STANDARD', from, to } as const;
    if (irregular.length) {
      out.push({
        ...base, name: zoneName(timeZone, irregular[0]!.instant, to), start: placeOf(irregular[0]!).wall,
        // The first change repeated as an RDATE: ical.js 2 skips the DTSTART of an observance with RDATEs only.
        rdates: irregular.length > 1 ? irregular.map((t) => placeOf(t).wall) : [],
      });
    }
    if (regular.length) {
      out.push({
        ...base, name: zoneName(timeZone, regular[0]!.instant, to), start: placeOf(regular[0]!).wall,
        rrule: yearlyRule(regular), rdates: [],
      });
    }
  }
  if (placeOf(list[0]!).year > fromYear - 1) out.push(opening());
  return out.sort((a, b) => a.start - b.start);
}

const cache = new Map<string, string>();

/**
 * The VTIMEZONE of `timeZone` (CRLF lines, no trailing line break), exact from 1 January of `fromYear` to the end
 * of `toYear` and, where the zone follows a yearly rule up to `toYear`, for every year after.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const key = `${timeZone}|${fromYear}|${toYear}`;
  let text = cache.get(key);
  if (text === undefined) {
    const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
    for (const o of observances(timeZone, fromYear, toYear)) {
      lines.push(
        `BEGIN:${o.kind}`,
        `TZOFFSETFROM:${formatOffset(o.from, false)}`,
        `TZOFFSETTO:${formatOffset(o.to, false)}`,
        `TZNAME:${o.name}`,
        `DTSTART:${compact(o.start)}`,
        ...(o.rrule ? [`RRULE:${o.rrule}`] : []),
        ...o.rdates.map((d) => `RDATE:${compact(d)}`),
        `END:${o.kind}`,
      );
    }
    lines.push('END:VTIMEZONE');
    text = lines.join('\r\n');
    if (cache.size > 32) cache.clear();
    cache.set(key, text);
  }
  return text;
}
