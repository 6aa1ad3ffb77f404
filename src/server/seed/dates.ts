/**
 * Calendar arithmetic on plain local dates of the centre's time zone. The seed writes wall-clock times
 * (`2026-03-03T09:00`) and the database turns them into instants with `AT TIME ZONE`, so daylight saving is
 * handled by PostgreSQL, not here.
 */

/** A calendar date `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time `YYYY-MM-DDTHH:MM` in the centre's zone. */
export type LocalDateTime = string;

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export const WEEKDAY = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 } as const;
export type Weekday = keyof typeof WEEKDAY;

const toUtc = (d: LocalDate) => new Date(`${d}T00:00:00Z`);
const fromUtc = (d: Date): LocalDate => d.toISOString().slice(0, 10);

/** Today's date in `timeZone`. */
export function localToday(timeZone: string, now = new Date()): LocalDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** The first `weekday` on or after `date`. */
export function onOrAfter(date: LocalDate, weekday: Weekday): LocalDate {
  const day = toUtc(date).getUTCDay();
  return addDays(date, (WEEKDAY[weekday] - day + 7) % 7);
}

/** The `n`th (1-based) `weekday` of the month of `date`, e.g. the first Tuesday. */
export function nthWeekdayOfMonth(date: LocalDate, weekday: Weekday, n: number): LocalDate {
  return addDays(onOrAfter(`${date.slice(0, 7)}-01`, weekday), 7 * (n - 1));
}

/** The first day of the month `months` after the month of `date`. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const d = toUtc(`${date.slice(0, 7)}-01`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return fromUtc(d);
}

export const at = (date: LocalDate, time: string): LocalDateTime => `${date}T${time}`;
