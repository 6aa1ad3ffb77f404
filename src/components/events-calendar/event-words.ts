/** Categories, statuses, registration and "add to my calendar" links, in words. */
import type { EventCategory, EventOccurrence, EventStatus } from '../../contract/events.ts';
import type { LocalizeController } from '../../core/localize.ts';

const CATEGORY_KEYS = {
  seminar: 'events.catSeminar', children: 'events.catChildren', 'information-day': 'events.catInformationDay',
  'mobile-unit': 'events.catMobileUnit', volunteering: 'events.catVolunteering', community: 'events.catCommunity', other: 'events.catOther',
} as const satisfies Record<EventCategory, string>;

const STATUS_KEYS = {
  scheduled: 'events.statusScheduled', cancelled: 'events.statusCancelled', postponed: 'events.statusPostponed', 'moved-online': 'events.statusMovedOnline',
} as const satisfies Record<EventStatus, string>;

export const categoryName = (l: LocalizeController, c: EventCategory) => l.term(CATEGORY_KEYS[c]);
export const statusName = (l: LocalizeController, s: EventStatus) => l.term(STATUS_KEYS[s]);

export function registrationText(l: LocalizeController, e: EventOccurrence): string {
  const r = e.registration;
  const parts = [
    r.kind === 'none' ? l.term('events.regNone') : r.kind === 'full' ? l.term('events.regFull') : r.kind === 'link' ? l.term('events.regLink') : l.term('events.regOpen'),
    r.kind === 'open' && r.placesLeft !== undefined ? l.term('events.placesLeft', { count: r.placesLeft }) : '',
    r.note ?? '',
  ];
  return parts.filter(Boolean).join('. ');
}

/** "Tuesday 3 March 2026, 10:00–12:00" in the centre's time zone. */
export function whenText(l: LocalizeController, e: EventOccurrence): string {
  if (e.allDay) return l.date(e.start, { dateStyle: 'full' });
  return l.dateRange(e.start, e.end, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

const utcStamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Links that open the event in Google Calendar or Outlook (navigation on the person's click, nothing fetched). */
export function calendarLinks(e: EventOccurrence) {
  const where = [e.place?.name, e.place?.address, e.place?.city].filter(Boolean).join(', ');
  const google = new URL('https://calendar.google.com/calendar/render');
  google.search = new URLSearchParams({ action: 'TEMPLATE', text: e.title, dates: `${utcStamp(e.start)}/${utcStamp(e.end)}`, details: e.description, location: where }).toString();
  const outlook = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  outlook.search = new URLSearchParams({ path: '/calendar/action/compose', rru: 'addevent', subject: e.title, startdt: new Date(e.start).toISOString(), enddt: new Date(e.end).toISOString(), body: e.description, location: where }).toString();
  return { google: google.href, outlook: outlook.href };
}
