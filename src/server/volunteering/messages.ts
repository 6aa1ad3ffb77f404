/**
 * Writes a Volunteer Network message into the outbox, inside the caller's transaction: the message exists exactly
 * when the change it reports commits. Each message carries a personal link with a fresh token (only its hash is
 * stored), in the signup's language, with times in the centre's time zone, and the signup's calendar attached
 * where the message adds or changes calendar entries.
 */
import type { Config } from '../config.ts';
import type { Queryable } from '../db/types.ts';
import { uidHostOf } from '../events/ics-writer.ts';
import { textToHtml } from '../mail/html.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { shiftState, signupCalendar } from './calendar.ts';
import { guardianLink, manageLink } from './links.ts';
import { composeMail, type MailFacts, type VolunteerMailKind } from './mail-texts.ts';
import {
  findOpportunity, findSignup, firstNameOf, issueToken, signupBookings, type BookingRow, type OpportunityRow, type SignupRow,
} from './records.ts';
import { placeText } from './shapes.ts';
import { instantInWords, shiftInWords, zoneInWords } from './when.ts';

export type VolunteerSettings = Pick<Config, 'timeZone' | 'publicUrl' | 'allowedOrigins' | 'guardianHoldHours'>;

/** Messages that add or change calendar entries carry the signup's calendar. */
const WITH_CALENDAR: ReadonlySet<VolunteerMailKind> = new Set(['confirmation', 'guardian-confirmed', 'promoted', 'cancelled']);

const centreOf = (o: OpportunityRow, locale: string) => ({
  name: locale === 'el' ? o.centre_name : o.centre_alternate_name ?? o.centre_name,
  ...(o.centre_email ? { email: o.centre_email } : {}),
  ...(o.centre_phone ? { phone: o.centre_phone } : {}),
});

/** Rows the caller read in this transaction already, so the message does not read them again. */
export interface KnownRows {
  signup: SignupRow;
  opportunity: OpportunityRow;
  /** All the signup's bookings, as `signupBookings` reads them. */
  bookings: BookingRow[];
}

/**
 * Queues message `kind` about signup `signupId`. `bookingIds` limits the shifts it lists (the one promoted, the
 * one reminded of, those just cancelled); by default it lists all of them.
 */
export async function queueVolunteerMail(
  tx: Queryable, settings: VolunteerSettings, signupId: string, kind: VolunteerMailKind, bookingIds?: readonly string[], known?: KnownRows,
): Promise<void> {
  const signup = known?.signup ?? await findSignup(tx, { id: signupId });
  if (!signup) throw new Error('queueVolunteerMail: no such signup');
  const opportunity = known?.opportunity ?? await findOpportunity(tx, signup.opportunity_id);
  if (!opportunity) throw new Error('queueVolunteerMail: no such opportunity');
  const bookings = known?.bookings ?? await signupBookings(tx, signupId);
  const shown = bookingIds ? bookings.filter((b) => bookingIds.includes(b.id)) : bookings;
  const { locale } = signup;
  const { timeZone } = settings;
  const toGuardian = kind === 'guardian-request';
  const link = toGuardian
    ? guardianLink(signup.page_url, settings, await issueToken(tx, signupId, 'guardian'))
    : manageLink(signup.page_url, settings, await issueToken(tx, signupId, 'manage'));
  const holdUntil = new Date(signup.created_at.getTime() + settings.guardianHoldHours * 3_600_000);
  const attachment = WITH_CALENDAR.has(kind) && bookings.length > 0;
  const firstName = firstNameOf(signup.name);
  const facts: MailFacts = {
    greetName: toGuardian ? signup.guardian_name ?? '' : firstName,
    firstName,
    reference: signup.reference,
    role: opportunity.role,
    description: opportunity.description,
    ...(placeText(opportunity) ? { place: placeText(opportunity) } : {}),
    ...(opportunity.requirements ? { requirements: opportunity.requirements } : {}),
    zone: zoneInWords(locale, timeZone),
    shifts: shown.map((b) => ({
      when: shiftInWords(b.starts_at, b.ends_at, locale, timeZone),
      state: shiftState(signup, b),
      ...(b.position ? { position: Number(b.position) } : {}),
    })),
    link,
    ...(signup.guardian_name ? { guardianName: signup.guardian_name } : {}),
    holdUntil: instantInWords(holdUntil, locale, timeZone),
    held: signup.guardian_status === 'pending',
    attachment,
    centre: centreOf(opportunity, locale),
  };
  const { subject, text } = composeMail(locale, kind, facts);
  await enqueueMail(tx, {
    kind: `volunteer.${kind}`,
    to: toGuardian ? signup.guardian_email! : signup.email,
    subject,
    text,
    html: textToHtml(text, locale),
    about: signup.reference,
    ...(attachment
      ? { ics: { filename: 'volunteer-shifts.ics', content: signupCalendar(signup, opportunity, bookings, { timeZone, uidHost: uidHostOf(settings.publicUrl) }) } }
      : {}),
  });
}
