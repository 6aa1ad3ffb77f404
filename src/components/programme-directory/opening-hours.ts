/**
 * Opening hours from HSDS schedules (RRULE-style fields): in words ("Τρίτη και Πέμπτη 09:00–13:00",
 * "1η Τρίτη κάθε μήνα, 09:00–13:00") and "open now" / "next opening" in the centre's time zone.
 *
 * Only the shapes HSDS feeds use for opening hours are read (DAILY; WEEKLY by weekday; MONTHLY by nth weekday);
 * anything else falls back to the schedule's own `description`. A small pure module rather than the rrule
 * library: these three shapes need no recurrence engine and the directory has a 30 KB budget.
 */
import type { HsdsSchedule } from '../../contract/hsds.ts';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export type Rule =
  | { kind: 'daily' }
  | { kind: 'weekly'; days: number[] }
  | { kind: 'monthly'; nth: number; day: number };

export interface Hours {
  rule?: Rule;
  opens?: string;
  closes?: string;
  description?: string;
  validFrom?: string;
  validTo?: string;
}

const TIME = /^(\d{1,2}):(\d{2})/;
const hhmm = (t: string | null | undefined) => {
  const m = t ? TIME.exec(t) : null;
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : undefined;
};

/** Reads one schedule; `rule` is undefined for shapes not understood. */
export function parseSchedule(s: HsdsSchedule): Hours {
  const base: Hours = {
    opens: hhmm(s.opens_at), closes: hhmm(s.closes_at), description: s.description ?? undefined,
    validFrom: s.valid_from ?? undefined, validTo: s.valid_to ?? undefined,
  };
  const freq = s.freq?.toUpperCase();
  const parts = (s.byday ?? '').toUpperCase().split(',').map((p) => p.trim()).filter(Boolean);
  if (freq === 'DAILY') return { ...base, rule: { kind: 'daily' } };
  if (freq === 'WEEKLY' && parts.length) {
    const days = parts.map((p) => WEEKDAYS.indexOf(p as (typeof WEEKDAYS)[number])).filter((d) => d >= 0);
    return days.length === parts.length ? { ...base, rule: { kind: 'weekly', days: days.sort((a, b) => a - b) } } : base;
  }
  if (freq === 'MONTHLY' && parts.length === 1) {
    const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(parts[0]!);
    const nth = Number(m?.[1] ?? 0);
    if (m && nth !== 0 && nth >= -1 && nth <= 4) return { ...base, rule: { kind: 'monthly', nth, day: WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]) } };
  }
  return base;
}

/** A civil date and time in the centre's time zone. */
export interface Civil { year: number; month: number; day: number; weekday: number; minutes: number }

export function civilNow(now: Date, timeZone: string): Civil {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23', weekday: 'short',
  }).formatToParts(now).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const isoDate = (c: Pick<Civil, 'year' | 'month' | 'day'>) =>
  `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;

/** The civil day `offset` days after `c` (UTC arithmetic on the calendar, so no DST pitfalls). */
function addDays(c: Civil, offset: number): Civil {
  const d = new Date(Date.UTC(c.year, c.month - 1, c.day + offset));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: (d.getUTCDay() + 6) % 7, minutes: 0 };
}

function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the rule holds on civil day `c`. */
export function occursOn(rule: Rule, c: Civil): boolean {
  if (rule.kind === 'daily') return true;
  if (rule.kind === 'weekly') return rule.days.includes(c.weekday);
  if (c.weekday !== rule.day) return false;
  if (rule.nth > 0) return Math.ceil(c.day / 7) === rule.nth;
  return c.day + 7 > daysInMonth(c.year, c.month);
}

export type OpenState =
  | { open: true; closes: string }
  | { open: false; next?: { date: string; time: string } };

/** Open now, or the next opening within `horizonDays`, across all schedules. */
export function openState(hours: readonly Hours[], now: Date, timeZone: string, horizonDays = 70): OpenState | undefined {
  const usable = hours.filter((h): h is Hours & { rule: Rule; opens: string; closes: string } => !!(h.rule && h.opens && h.closes));
  if (usable.length === 0) return undefined;
  const today = civilNow(now, timeZone);
  const valid = (h: Hours, date: string) => (!h.validFrom || date >= h.validFrom) && (!h.validTo || date <= h.validTo);
  const todayIso = isoDate(today);
  for (const h of usable) {
    if (valid(h, todayIso) && occursOn(h.rule, today) && today.minutes >= toMinutes(h.opens) && today.minutes < toMinutes(h.closes)) {
      return { open: true, closes: h.closes };
    }
  }
  for (let offset = 0; offset <= horizonDays; offset++) {
    const day = addDays(today, offset);
    const date = isoDate(day);
    const candidates = usable
      .filter((h) => valid(h, date) && occursOn(h.rule, day) && (offset > 0 || toMinutes(h.opens) > today.minutes))
      .map((h) => h.opens).sort();
    if (candidates.length) return { open: false, next: { date, time: candidates[0]! } };
  }
  return { open: false };
}
