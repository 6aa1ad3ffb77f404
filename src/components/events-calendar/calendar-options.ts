/**
 * FullCalendar 7 options in the reader's language: Monday first, 24-hour times, every button and hint
 * translated (FullCalendar's el/ar locales carry no accessibility hints), RTL from the locale.
 */
import type { CalendarOptions } from 'fullcalendar';
import arLocale from 'fullcalendar/locales/ar';
import elLocale from 'fullcalendar/locales/el';
import type { LocalizeController } from '../../core/localize.ts';

export type CalendarView = 'list' | 'month' | 'week';

export const FC_VIEW: Record<CalendarView, string> = { list: 'listMonth', month: 'dayGridMonth', week: 'timeGridWeek' };

const BASE = { el: elLocale, ar: arLocale } as const;

/** Locale, texts and hints for FullCalendar from Kentro's translations. */
export function calendarTexts(l: LocalizeController): Partial<CalendarOptions> {
  const base = BASE[l.locale as keyof typeof BASE];
  return {
    locale: base ?? l.locale,
    direction: l.dir,
    firstDay: 1,
    todayText: l.term('events.today'),
    monthText: l.term('events.viewMonth'),
    weekTextLong: l.term('events.viewWeek'),
    listText: l.term('events.viewList'),
    prevText: l.term('events.prev'),
    nextText: l.term('events.next'),
    prevHint: l.term('events.previousPeriod'),
    nextHint: l.term('events.nextPeriod'),
    // The visible label must be part of the accessible name (WCAG 2.5.3).
    todayHint: l.term('events.today'),
    viewHint: l.term('events.viewHint'),
    viewChangeHint: l.term('events.views'),
    navLinkHint: l.term('events.navLinkHint'),
    closeHint: l.term('events.close'),
    eventsHint: l.term('events.eventsHint'),
    moreLinkHint: (count: number) => l.term('events.moreLinkHint', { count }),
    noEventsText: l.term('events.noEvents'),
    allDayText: l.term('events.allDay'),
    timedText: l.term('events.timed'),
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotHeaderFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
  };
}
