/**
 * Calendar days in the centre's time zone, for words such as "today", "tomorrow" and "in 3 days": a visit at 09:00
 * tomorrow is "tomorrow" at 23:00 tonight as at 08:00 this morning, however many hours away, and a day the clocks
 * change on counts as one day.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD`: the date of `instant` on the wall clocks of `timeZone`. */
export function civilDay(instant: Date | number | string, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(instant));
}

/** Whole calendar days from the date of `from` to the date of `to` in `timeZone` (negative when `to` is earlier). */
export function civilDaysBetween(from: Date | number | string, to: Date | number | string, timeZone: string): number {
  const utcMidnight = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((utcMidnight(civilDay(to, timeZone)) - utcMidnight(civilDay(from, timeZone))) / 86_400_000);
}
