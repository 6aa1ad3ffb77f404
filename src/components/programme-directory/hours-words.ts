/** Opening hours in words, in the reader's language. */
import type { LocalizeController } from '../../core/localize.ts';
import type { Hours, OpenState } from './opening-hours.ts';

/** Monday 2024-01-01 + n days, as a UTC date (weekday names only). */
const weekdayDate = (day: number) => new Date(Date.UTC(2024, 0, 1 + day));

export function weekdayName(l: LocalizeController, day: number) {
  return new Intl.DateTimeFormat(l.locale, { weekday: 'long', timeZone: 'UTC' }).format(weekdayDate(day));
}

const ORDINALS = ['ordinal1', 'ordinal2', 'ordinal3', 'ordinal4'] as const;

/** "Τρίτη και Πέμπτη, 09:00–13:00"; "1η Τρίτη κάθε μήνα, 09:00–13:00"; the feed's description otherwise. */
export function describeHours(h: Hours, l: LocalizeController): string {
  if (!h.rule || !h.opens || !h.closes) return h.description ?? '';
  const times = { from: h.opens, to: h.closes };
  if (h.rule.kind === 'daily') return l.term('hours.daily', times);
  if (h.rule.kind === 'weekly') return l.term('hours.weekly', { ...times, days: l.list(h.rule.days.map((d) => weekdayName(l, d))) });
  // Greek: Saturday (Σάββατο) is neuter, the other days feminine.
  const neuter = h.rule.day === 5 ? 'Neuter' : '';
  const base = h.rule.nth > 0 ? ORDINALS[h.rule.nth - 1]! : 'ordinalLast';
  const ordinal = l.term(`hours.${base}${neuter}` as `hours.${typeof base}`);
  return l.term('hours.monthly', { ...times, ordinal, day: weekdayName(l, h.rule.day) });
}

/** "Open now, until 13:00" / "Closed now. Opens Tuesday 3 March at 09:00". */
export function describeOpenState(state: OpenState, l: LocalizeController, today: string): string {
  if (state.open) return l.term('hours.openNow', { time: state.closes });
  if (!state.next) return l.term('hours.closed');
  if (state.next.date === today) return l.term('hours.closedToday', { time: state.next.time });
  const [y, m, d] = state.next.date.split('-').map(Number) as [number, number, number];
  const date = new Intl.DateTimeFormat(l.locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  return l.term('hours.closedNext', { date, time: state.next.time });
}
