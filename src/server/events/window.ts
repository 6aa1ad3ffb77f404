/**
 * The `from`/`to` window of `GET /events` as instants: a date is midnight in the centre's zone (for `to`, the
 * midnight ending that day), a date-time without offset is read in the centre's zone. Problems name the field.
 */
import type { FieldError } from '../../contract/common.ts';
import { describeFieldError } from '../http/describe.ts';
import { DAY, fromWall, toWall } from './zone.ts';

export const MAX_WINDOW_DAYS = 400;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The instant `value` names, or undefined when it is no real date and time (years 1900–2999). */
export function parseInstant(value: string, timeZone: string, endOfDay = false): number | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  if (y! < 1900 || y! > 2999 || mo! < 1 || mo! > 12 || h > 23 || mi > 59 || s > 59) return undefined;
  const date = Date.UTC(y!, mo! - 1, d!);
  if (new Date(date).getUTCDate() !== d) return undefined;
  const wall = date + ((h * 60 + mi) * 60 + s) * 1000 + Math.floor(fraction);
  const offset = m[8];
  if (m[4] === undefined) return fromWall(endOfDay ? date + DAY : date, timeZone);
  if (offset === undefined) return fromWall(wall, timeZone);
  if (offset === 'Z') return wall;
  const sign = offset[0] === '-' ? -1 : 1;
  const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
  if (oh > 23 || om > 59) return undefined;
  return wall - sign * (oh * 60 + om) * 60_000;
}

export type WindowResult = { ok: true; from: number; to: number } | { ok: false; errors: FieldError[] };

export function parseWindow(from: string, to: string, timeZone: string): WindowResult {
  const errors: FieldError[] = [];
  const start = parseInstant(from, timeZone);
  const end = parseInstant(to, timeZone, true);
  if (start === undefined) errors.push({ path: ['from'], code: 'date', message: describeFieldError('date') });
  if (end === undefined) errors.push({ path: ['to'], code: 'date', message: describeFieldError('date') });
  if (start === undefined || end === undefined) return { ok: false, errors };
  if (end <= start) errors.push({ path: ['to'], code: 'invalid', message: '`to` must be after `from`.' });
  // Counted in wall-clock time, so 400 calendar days are allowed whatever the daylight-saving changes in between.
  else if (toWall(end, timeZone) - toWall(start, timeZone) > MAX_WINDOW_DAYS * DAY) {
    errors.push({ path: ['to'], code: 'invalid', message: `The window may span at most ${MAX_WINDOW_DAYS} days.`, params: { max: MAX_WINDOW_DAYS } });
  }
  return errors.length ? { ok: false, errors } : { ok: true, from: start, to: end };
}
