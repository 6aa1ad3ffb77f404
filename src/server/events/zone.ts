/**
 * Wall-clock time in the centre's time zone, with Intl's time-zone data only (no library). A wall-clock time
 * is held as "wall milliseconds": the local date and time read as if they were UTC, so calendar arithmetic
 * on it is plain arithmetic, and ical.js's floating times convert to and from it without any zone.
 *
 * Local → instant follows RFC 5545 §3.3.5 (and Temporal's `compatible`): a time skipped by the spring change
 * (03:30 on the last Sunday of March in Athens) is read with the offset before the change, i.e. one hour later
 * (04:30 EEST); a time that happens twice in autumn is the first of the two.
 */

export type WallMs = number;

const MINUTE = 60_000;
const DAY = 86_400_000;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    offsetFormats.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time of `instant`, asked of Intl (a few microseconds each: expansion asks thousands of times). */
function wallFromIntl(instant: number, timeZone: string): WallMs {
  const parts: Record<string, number> = {};
  for (const p of offsetFormat(timeZone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall + (instant - Math.floor(instant / 1000) * 1000);
}

const HOUR = 3_600_000;
/** Per zone: the offset (wall − instant, ms) of each hour of UTC asked about whose first and last second agree. */
const hourOffsets = new Map<string, Map<number, number>>();
const MAX_CACHED_HOURS = 100_000;

/**
 * The wall-clock time of `instant` (ms since the epoch) in `timeZone`. An offset changes at most once in an hour
 * and at a whole second, so an hour whose first and last second have the same offset has it throughout: that
 * offset is remembered; an hour with a change inside is asked of Intl each time.
 */
export function toWall(instant: number, timeZone: string): WallMs {
  const hour = Math.floor(instant / HOUR);
  let offsets = hourOffsets.get(timeZone);
  if (!offsets) hourOffsets.set(timeZone, (offsets = new Map()));
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const first = hour * HOUR;
    const last = first + HOUR - 1000;
    offset = wallFromIntl(first, timeZone) - first;
    if (wallFromIntl(last, timeZone) - last !== offset) return wallFromIntl(instant, timeZone);
    if (offsets.size >= MAX_CACHED_HOURS) offsets.clear();
    offsets.set(hour, offset);
  }
  return instant + offset;
}

/** The UTC offset of `timeZone` at `instant`, in minutes (Athens: 120 in winter, 180 in summer). */
export function offsetMinutes(instant: number, timeZone: string): number {
  return Math.round((toWall(instant, timeZone) - instant) / MINUTE);
}

/** The instant a wall-clock time of `timeZone` names (RFC 5545 rules for skipped and repeated times). */
export function fromWall(wall: WallMs, timeZone: string): number {
  const before = offsetMinutes(wall - DAY, timeZone) * MINUTE;
  const after = offsetMinutes(wall + DAY, timeZone) * MINUTE;
  const candidates = [wall - before, wall - after].filter((t) => toWall(t, timeZone) === wall);
  // Both valid: the repeated hour, take the earlier instant. None: a skipped time, read with the earlier offset.
  return candidates.length ? Math.min(...candidates) : wall - before;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `+02:00` for 120 minutes. */
export function formatOffset(minutes: number, colon = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}${colon ? ':' : ''}${pad(m % 60)}`;
}

/** `2026-03-03T10:00:00` */
export const formatWall = (wall: WallMs) => new Date(wall).toISOString().slice(0, 19);

/** ISO 8601 with the zone's offset at that instant: `2026-03-03T10:00:00+02:00`. */
export function isoInZone(instant: number, timeZone: string): string {
  const wall = toWall(instant, timeZone);
  return `${formatWall(wall)}${formatOffset(Math.round((wall - instant) / MINUTE))}`;
}

/** `20260303T1000`: the compact local form used in occurrence ids. */
export const wallStamp = (wall: WallMs) => formatWall(wall).replace(/[-:]/g, '').slice(0, 13);

/** The wall time of a `20260303T1000` stamp, or undefined when it is not one (or not a real date). */
export function parseWallStamp(stamp: string): WallMs | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  return wallStamp(wall) === stamp ? wall : undefined;
}

/** Parts of a wall time, as ical.js's `Time.fromData` takes them. */
export function wallParts(wall: WallMs) {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

/** Midnight at the start of the local day of `wall`. */
export const startOfDay = (wall: WallMs): WallMs => Math.floor(wall / DAY) * DAY;

export { DAY, MINUTE };
