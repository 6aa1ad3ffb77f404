/**
 * Opening hours in Greek words for the intake confirmation ("Δευτέρα–Παρασκευή 08:00–15:00, Τετάρτη και
 * 17:00–19:00"), written from the schedule rules so they follow the directory's data. The browser has its own
 * localised wording (src/components/programme-directory/hours-words.ts); the server speaks the centre's language.
 */

/** One schedule row of a location (migration 001's `schedules`). */
export interface ScheduleRule {
  freq: 'WEEKLY' | 'MONTHLY';
  /** `MO,TU,…` */
  byday: string;
  /** `08:00` or `08:00:00`. */
  opens_at: string;
  closes_at: string;
  description: string | null;
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const NAMES = ['Δευτέρα', 'Τρίτη', 'Τετάρτη', 'Πέμπτη', 'Παρασκευή', 'Σάββατο', 'Κυριακή'] as const;

/** "Δευτέρα, Τρίτη και Πέμπτη" */
const listInGreek = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} και ${items.at(-1)}`;

/** A run of three or more days in a row reads as a range: "Δευτέρα–Παρασκευή". */
function daysInWords(days: readonly number[]): string {
  const run = days.length >= 3 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  return run ? `${NAMES[days[0]!]}–${NAMES[days.at(-1)!]}` : listInGreek(days.map((d) => NAMES[d]!));
}

const hhmm = (time: string) => time.slice(0, 5);

/**
 * The rules in words, weekly ones from their days and times; a day already named by an earlier rule gets "και"
 * ("also"), so a second opening on Wednesday does not read as the only one. Monthly rules (a village visit) keep
 * their own description.
 */
export function hoursInWords(rules: readonly ScheduleRule[]): string | undefined {
  const named = new Set<number>();
  const parts: string[] = [];
  for (const r of rules) {
    if (r.freq !== 'WEEKLY') {
      if (r.description) parts.push(r.description);
      continue;
    }
    const days = r.byday.split(',').map((d) => DAYS.indexOf(d as (typeof DAYS)[number])).filter((d) => d >= 0).sort((a, b) => a - b);
    if (days.length === 0) continue;
    const again = days.every((d) => named.has(d));
    for (const d of days) named.add(d);
    parts.push(`${daysInWords(days)}${again ? ' και' : ''} ${hhmm(r.opens_at)}–${hhmm(r.closes_at)}`);
  }
  return parts.length ? parts.join(', ') : undefined;
}
