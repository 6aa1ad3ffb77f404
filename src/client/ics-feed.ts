/**
 * A council's existing iCalendar feed, read in the browser with ical.js (loaded only when a feed is set):
 * recurrence (RRULE, RDATE, EXDATE), RECURRENCE-ID overrides and time zones from the feed's VTIMEZONEs, expanded in
 * a window into the same occurrences the backend answers. A TZID the feed does not define, or floating times,
 * are read in the centre's time zone (ical.js alone would use the visitor's machine zone). Cancelled occurrences
 * stay, marked, so people see them.
 */
import type { EventOccurrence } from '../contract/events.ts';
import { ApiClient, type RequestOptions } from './api-client.ts';

const feeds = new Map<string, Promise<string>>();

/** The feed's text, fetched once per page (a calendar view change only re-expands it). */
export function loadIcsText(url: string, options: RequestOptions = {}): Promise<string> {
  let pending = feeds.get(url);
  if (!pending) {
    pending = new ApiClient({ baseUrl: url, retries: 2 }).getText('', options);
    pending.catch(() => feeds.delete(url));
    feeds.set(url, pending);
  }
  return pending;
}

type Ical = typeof import('ical.js').default;
type IcalTime = InstanceType<Ical['Time']>;

async function toInstant(t: IcalTime, timeZone: string): Promise<Date> {
  const tzid = t.zone?.tzid;
  if (tzid && tzid !== 'floating') return t.toJSDate();
  const zone = (t as IcalTime & { timezone?: string }).timezone ?? timeZone;
  const { create, toZonedDateTime } = await import('temporal-polyfill/fns/PlainDateTime');
  return new Date(toZonedDateTime(create(t.year, t.month, t.day, t.hour, t.minute, t.second), zone).epochMilliseconds);
}

const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

export async function parseIcsFeed(ics: string, from: Date, to: Date, timeZone: string, feedId = 'feed'): Promise<EventOccurrence[]> {
  const { default: ICAL } = await import('ical.js');
  const vcal = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of vcal.getAllSubcomponents('vtimezone')) {
    const id = text(vtz.getFirstPropertyValue('tzid'));
    if (id && !ICAL.TimezoneService.has(id)) ICAL.TimezoneService.register(vtz);
  }
  const calendarZone = text(vcal.getFirstPropertyValue('x-wr-timezone')) || timeZone;
  const masters = new Map<string, InstanceType<Ical['Event']>>();
  const overrides: InstanceType<Ical['Component']>[] = [];
  for (const ve of vcal.getAllSubcomponents('vevent')) {
    if (ve.hasProperty('recurrence-id')) overrides.push(ve);
    else masters.set(text(ve.getFirstPropertyValue('uid')), new ICAL.Event(ve, { strictExceptions: true, exceptions: [] }));
  }
  for (const ov of overrides) masters.get(text(ov.getFirstPropertyValue('uid')))?.relateException(ov);

  const out: EventOccurrence[] = [];
  const emit = async (uid: string, item: InstanceType<Ical['Event']>, start: IcalTime, end: IcalTime, key: string, recurring: boolean) => {
    const allDay = start.isDate;
    const s = allDay ? new Date(`${start.toString()}T00:00:00`) : await toInstant(start, calendarZone);
    const e = allDay ? new Date(`${end.toString()}T00:00:00`) : await toInstant(end, calendarZone);
    if (e <= from || s >= to) return;
    const status = text(item.component.getFirstPropertyValue('status')).toUpperCase();
    out.push({
      id: `${feedId}:${uid}:${key}`, seriesId: `${feedId}:${uid}`, title: item.summary || '—', description: item.description ?? '',
      category: 'other', status: status === 'CANCELLED' ? 'cancelled' : 'scheduled',
      start: allDay ? start.toString() : s.toISOString(), end: allDay ? end.toString() : e.toISOString(), allDay,
      place: item.location ? { id: `${feedId}:place:${item.location}`, name: item.location, kind: 'other' } : undefined,
      registration: { kind: 'none' }, recurring,
    });
  };
  for (const [uid, ev] of masters) {
    if (!ev.isRecurring()) {
      await emit(uid, ev, ev.startDate, ev.endDate, ev.startDate.toString(), false);
      continue;
    }
    const it = ev.iterator();
    for (let next = it.next(), guard = 0; next && guard < 5000; next = it.next(), guard++) {
      if ((await toInstant(next, calendarZone)).getTime() >= to.getTime() + 86_400_000) break;
      const d = ev.getOccurrenceDetails(next);
      await emit(uid, d.item, d.startDate, d.endDate, d.recurrenceId.toString(), true);
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}
