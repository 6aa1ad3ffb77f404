/**
 * Events as RFC 5545 iCalendar, built with ical.js: the subscribable feed (each series once: its RRULE, EXDATEs
 * with TZID, and one RECURRENCE-ID VEVENT per changed occurrence) and single files (an event, a series, or one
 * occurrence on its own). Times are local times of the centre's zone with its VTIMEZONE (./vtimezone.ts);
 * cancelled and postponed occurrences stay in as STATUS:CANCELLED so subscribers see them go, with
 * `X-KENTRO-STATUS` keeping the contract's status. Texts are in the centre's language, as its data.
 *
 * DTSTAMP is the component's last change (RFC 5545 §3.8.7.2 for a calendar without METHOD), so an unchanged feed
 * is byte-for-byte the same and its ETag holds.
 */
import ICAL from 'ical.js';
import type { EventCategory, EventStatus } from '../../contract/events.ts';
import { VERSION } from '../version.ts';
import { Expander, type Instance } from './expand.ts';
import { effective, occurrenceId, registrationOf } from './occurrences.ts';
import type { LoadedEvents, LocationRow, OverrideRow, Series } from './store.ts';
import { stringify, uidHostOf, utc, ZonedCalendar, type ZonedCalendarOptions } from './ics-writer.ts';
import { fromWall } from './zone.ts';

export const CATEGORY_LABELS: Record<EventCategory, string> = {
  seminar: 'Σεμινάριο',
  children: 'Για παιδιά',
  'information-day': 'Ημέρα ενημέρωσης',
  'mobile-unit': 'Κινητή μονάδα',
  volunteering: 'Εθελοντισμός',
  community: 'Κοινότητα',
  other: 'Άλλο',
};

const STATUS_LABELS: Record<EventStatus, string> = {
  scheduled: 'Προγραμματισμένη',
  cancelled: 'Ακυρώνεται',
  postponed: 'Αναβάλλεται',
  'moved-online': 'Γίνεται διαδικτυακά',
};

/** iCalendar has no "postponed": that occurrence will not take place at its time, so subscribers see it cancelled. */
const ICAL_STATUS: Record<EventStatus, string> = {
  scheduled: 'CONFIRMED', cancelled: 'CANCELLED', postponed: 'CANCELLED', 'moved-online': 'CONFIRMED',
};

export type CalendarOptions = ZonedCalendarOptions;

export { uidHostOf };

const PRODID = `-//Kentro//Kentro Events ${VERSION}//EL`;

class Builder extends ZonedCalendar {
  constructor(options: CalendarOptions) {
    super(options, PRODID);
  }

  /** A VEVENT with everything but its identity and times. */
  vevent(series: Series, override: OverrideRow | undefined, locations: ReadonlyMap<string, LocationRow>, stamps: { created: Date; modified: Date; sequence: number }) {
    const row = series.row;
    const e = effective(series, override, locations);
    const vevent = new ICAL.Component('vevent');
    const event = new ICAL.Event(vevent);
    vevent.updatePropertyWithValue('dtstamp', utc(stamps.modified.getTime()));
    vevent.updatePropertyWithValue('created', utc(stamps.created.getTime()));
    vevent.updatePropertyWithValue('last-modified', utc(stamps.modified.getTime()));
    vevent.updatePropertyWithValue('sequence', stamps.sequence);
    event.summary = e.title;
    vevent.updatePropertyWithValue('description', description(series, e.status, e.statusNote, e.description));
    if (e.place) {
      event.location = e.place.kind === 'online' ? e.place.name : [e.place.name, e.place.address, e.place.city].filter(Boolean).join(', ');
    }
    if (!e.online && e.location?.latitude && e.location.longitude) {
      vevent.updatePropertyWithValue('geo', [Number(e.location.latitude), Number(e.location.longitude)]);
    }
    vevent.updatePropertyWithValue('categories', CATEGORY_LABELS[row.category as EventCategory] ?? row.category);
    vevent.updatePropertyWithValue('status', ICAL_STATUS[e.status]);
    if (row.registration_url) vevent.updatePropertyWithValue('url', row.registration_url);
    vevent.updatePropertyWithValue('x-kentro-category', row.category);
    vevent.updatePropertyWithValue('x-kentro-status', e.status);
    return { vevent, event };
  }

  /** The series (or one-off event) with its EXDATEs and overrides. */
  addSeries(series: Series, locations: ReadonlyMap<string, LocationRow>, expander: Expander<OverrideRow>) {
    const row = series.row;
    const { vevent, event } = this.vevent(series, undefined, locations, { created: row.created_at, modified: row.updated_at, sequence: row.sequence });
    event.uid = this.uid(row.id);
    event.startDate = this.at(series.start);
    event.endDate = this.at(series.end);
    this.calendar.addSubcomponent(vevent);
    if (!expander.rule) return;
    vevent.addPropertyWithValue('rrule', ruleForFeed(row.rrule!, this.options.timeZone));
    // ical.js writes a zoned EXDATE without its TZID (then read back as floating): set it by hand.
    for (const rid of series.exdates) vevent.addPropertyWithValue('exdate', this.local(rid)).setParameter('tzid', this.options.timeZone);
    for (const [rid, override] of series.overrides) {
      if (!expander.isOccurrence(rid)) continue;
      const instance = expander.instance(rid);
      const { vevent: changed, event: changedEvent } = this.vevent(series, override, locations, {
        created: override.created_at,
        modified: override.updated_at > row.updated_at ? override.updated_at : row.updated_at,
        sequence: row.sequence + override.sequence,
      });
      changedEvent.uid = this.uid(row.id);
      changedEvent.recurrenceId = this.local(rid);
      changedEvent.startDate = this.at(instance.start);
      changedEvent.endDate = this.at(instance.end);
      this.calendar.addSubcomponent(changed);
    }
  }

  /** One occurrence of a series as an event of its own (its own UID). */
  addOccurrence(series: Series, instance: Instance<OverrideRow>, locations: ReadonlyMap<string, LocationRow>) {
    const row = series.row;
    const override = instance.override;
    const { vevent, event } = this.vevent(series, override, locations, {
      created: row.created_at,
      modified: override && override.updated_at > row.updated_at ? override.updated_at : row.updated_at,
      sequence: row.sequence + (override?.sequence ?? 0),
    });
    event.uid = this.uid(occurrenceId(row.id, instance.rid));
    event.startDate = this.at(instance.start);
    event.endDate = this.at(instance.end);
    this.calendar.addSubcomponent(vevent);
  }
}

/** The RRULE as RFC 5545 wants it with a zoned DTSTART: an UNTIL date-time in UTC. */
function ruleForFeed(rrule: string, timeZone: string): ICAL.Recur {
  const rule = ICAL.Recur.fromString(rrule);
  const until = rule.until;
  if (until && !until.isDate && until.zone !== ICAL.Timezone.utcTimezone) {
    const wall = Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute, until.second);
    rule.until = utc(fromWall(wall, timeZone));
  }
  return rule;
}

function registrationText(series: Series): string | undefined {
  const r = registrationOf(series.row);
  const parts: string[] = [];
  if (r.kind === 'open') parts.push(r.placesLeft !== undefined ? `Δήλωση συμμετοχής: ${r.placesLeft} ελεύθερες θέσεις.` : 'Με δήλωση συμμετοχής.');
  if (r.kind === 'full') parts.push('Οι θέσεις έχουν καλυφθεί.');
  if (r.kind === 'link' && r.url) parts.push(`Δήλωση συμμετοχής: ${r.url}`);
  if (r.note) parts.push(r.note);
  return parts.length ? parts.join(' ') : undefined;
}

function description(series: Series, status: EventStatus, statusNote: string | undefined, text: string): string {
  const row = series.row;
  const out: string[] = [];
  if (status !== 'scheduled' || statusNote) out.push(statusNote ?? STATUS_LABELS[status]);
  out.push(text);
  if (row.accessibility) out.push(`Προσβασιμότητα: ${row.accessibility}`);
  const registration = registrationText(series);
  if (registration) out.push(`Συμμετοχή: ${registration}`);
  return out.join('\n\n');
}

/** The years a calendar of these series needs its VTIMEZONE for. */
function yearsOf(series: readonly Series[], now: number): [number, number] {
  const years = [new Date(now).getUTCFullYear()];
  for (const s of series) {
    years.push(new Date(s.start).getUTCFullYear(), new Date(s.end).getUTCFullYear());
    for (const o of s.overrides.values()) if (o.end !== undefined) years.push(new Date(o.end).getUTCFullYear());
    if (s.row.original_starts_at) years.push(s.row.original_starts_at.getUTCFullYear());
  }
  return [Math.min(...years), Math.max(...years)];
}

/** The feed (or a file) of whole series and one-off events. */
export function calendarOf({ series, locations }: LoadedEvents, options: CalendarOptions): string {
  const now = options.now ?? Date.now();
  const builder = new Builder(options);
  builder.addTimezone(...yearsOf(series, now));
  for (const s of series) builder.addSeries(s, locations, new Expander(s, options.timeZone));
  return stringify(builder.calendar);
}

/** A file with one occurrence of a series. */
export function occurrenceCalendar(series: Series, instance: Instance<OverrideRow>, locations: ReadonlyMap<string, LocationRow>, options: CalendarOptions): string {
  const builder = new Builder(options);
  builder.addTimezone(...yearsOf([series], options.now ?? Date.now()));
  builder.addOccurrence(series, instance, locations);
  return stringify(builder.calendar);
}
