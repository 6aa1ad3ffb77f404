/**
 * A volunteer's shifts as iCalendar: the feed behind `/volunteering/signups/{token}.ics` and the file attached to
 * messages. One VEVENT per booking with a UID made from the booking's id, so the attachment and the subscribed
 * feed describe the same entries and a calendar updates them in place: a cancelled booking stays in as
 * STATUS:CANCELLED, a waitlisted one (or one waiting for a guardian) is TENTATIVE, and SEQUENCE rises with every
 * change of status. UIDs use the public URL's host, which is the same for the feed and for messages.
 */
import ICAL from 'ical.js';
import type { MessageLocale } from '../../contract/people.ts';
import { utc, ZonedCalendar } from '../events/ics-writer.ts';
import { VERSION } from '../version.ts';
import { referenceLabel, requirementsLabel, stateWord, type ShiftState } from './mail-texts.ts';
import type { BookingRow, OpportunityRow, SignupRow } from './records.ts';
import { placeText } from './shapes.ts';

const PRODID = `-//Kentro//Kentro Volunteering ${VERSION}//EL`;

export interface SignupCalendarOptions {
  timeZone: string;
  uidHost: string;
  /** Set for the subscribable feed (its title); files attached to messages have none. */
  calendarName?: string;
  now?: number;
}

/** What a booking is from the volunteer's side: a held place waits for the guardian while they have not agreed. */
export function shiftState(signup: Pick<SignupRow, 'guardian_status'>, booking: Pick<BookingRow, 'status'>): ShiftState {
  if (booking.status === 'confirmed' && signup.guardian_status === 'pending') return 'held';
  return booking.status;
}

const ICAL_STATUS: Record<ShiftState, string> = { confirmed: 'CONFIRMED', held: 'TENTATIVE', waitlisted: 'TENTATIVE', cancelled: 'CANCELLED' };

export function signupCalendar(signup: SignupRow, opportunity: OpportunityRow, bookings: readonly BookingRow[], options: SignupCalendarOptions): string {
  const cal = new ZonedCalendar(options, PRODID);
  const now = options.now ?? Date.now();
  const years = [new Date(now).getUTCFullYear(), ...bookings.flatMap((b) => [b.starts_at.getUTCFullYear(), b.ends_at.getUTCFullYear()])];
  cal.addTimezone(Math.min(...years), Math.max(...years));
  const locale: MessageLocale = signup.locale;
  const place = placeText(opportunity);
  for (const b of bookings) {
    const state = shiftState(signup, b);
    const vevent = new ICAL.Component('vevent');
    const event = new ICAL.Event(vevent);
    event.uid = cal.uid(`volunteer-booking-${b.id}`);
    vevent.updatePropertyWithValue('dtstamp', utc(b.updated_at.getTime()));
    vevent.updatePropertyWithValue('created', utc(b.created_at.getTime()));
    vevent.updatePropertyWithValue('last-modified', utc(b.updated_at.getTime()));
    vevent.updatePropertyWithValue('sequence', b.sequence);
    event.startDate = cal.at(b.starts_at.getTime());
    event.endDate = cal.at(b.ends_at.getTime());
    event.summary = opportunity.role;
    if (place) event.location = place;
    const word = stateWord(locale, state, b.position ?? undefined);
    const description = [
      // Plain toUpperCase: the Greek locale's upper case drops the accent ("Έχετε" would become "Εχετε").
      word.charAt(0).toUpperCase() + word.slice(1),
      `${referenceLabel(locale)}: ${signup.reference}`,
      ...(opportunity.requirements ? [`${requirementsLabel(locale)}: ${opportunity.requirements}`] : []),
    ];
    vevent.updatePropertyWithValue('description', description.join('\n'));
    vevent.updatePropertyWithValue('status', ICAL_STATUS[state]);
    vevent.updatePropertyWithValue('x-kentro-booking-status', b.status);
    cal.calendar.addSubcomponent(vevent);
  }
  return cal.toString();
}
