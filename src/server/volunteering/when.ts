/** Times in words for messages, in the reader's language and the centre's time zone (Intl, no library). */
import type { MessageLocale } from '../../contract/people.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: MessageLocale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    } as Intl.DateTimeFormatOptions);
    formats.set(key, f);
  }
  return f;
}

/** "Τετάρτη 2 Δεκεμβρίου 2026, 16:30–18:30". */
export const shiftInWords = (start: Date, end: Date, locale: MessageLocale, timeZone: string) =>
  format(locale, timeZone, true).formatRange(start, end);

/** "Σάββατο 5 Δεκεμβρίου 2026, 18:00". */
export const instantInWords = (at: Date, locale: MessageLocale, timeZone: string) => format(locale, timeZone, true).format(at);

/** The zone's name in the reader's language, e.g. "Ώρα Ανατολικής Ευρώπης". */
export function zoneInWords(locale: MessageLocale, timeZone: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
