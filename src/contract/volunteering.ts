/**
 * The centre's Volunteer Network: opportunities (a role with requirements and a minimum age) with shifts that have
 * a capacity, and signups. A signup is one person for one or more shifts of one opportunity; each booked shift is
 * `confirmed` (holding a place) or `waitlisted`. Places are counted by the database, never by a read-then-write.
 *
 * A minor (15–17) gives a guardian's contact; the guardian confirms through a link sent to them, and until then the
 * signup is `awaiting-guardian` (its places are held). Under 15 cannot sign up.
 */
import * as z from 'zod/mini';
import { BOOKING_STATUSES, SIGNUP_STATUSES } from './volunteering-values.ts';

export * from './volunteering-values.ts';
import { HumanCheck, Reference, StaffPageQuery, staffPage, Uuid } from './common.ts';
import { AgeBand, Email, MessageLocale, OptionalText, PersonName, Phone } from './people.ts';

/** Where a shift or an opportunity happens. */
export const VolunteerPlace = z.object({
  id: z.string(),
  name: z.string(),
  address: z.optional(z.string()),
  city: z.optional(z.string()),
});
export type VolunteerPlace = z.infer<typeof VolunteerPlace>;

export const VolunteerShift = z.object({
  id: z.string(),
  /** ISO 8601 with the centre's offset, e.g. `2026-12-02T16:30:00+02:00`. */
  start: z.string(),
  end: z.string(),
  capacity: z.number().check(z.int(), z.gte(1)),
  placesLeft: z.number().check(z.int(), z.gte(0)),
  /** People waiting for a place on this shift. */
  waitlist: z.number().check(z.int(), z.gte(0)),
});
export type VolunteerShift = z.infer<typeof VolunteerShift>;

export const VolunteerOpportunity = z.object({
  id: z.string(),
  role: z.string(),
  description: z.string(),
  /** Skills that help; a volunteer says which of them they have. */
  skills: z.array(z.string()),
  /** What the centre asks for, e.g. a criminal-record certificate for work with children. */
  requirements: z.optional(z.string()),
  minAge: z.number().check(z.int(), z.gte(0)),
  place: z.optional(VolunteerPlace),
  /** Upcoming shifts, soonest first. */
  shifts: z.array(VolunteerShift),
});
export type VolunteerOpportunity = z.infer<typeof VolunteerOpportunity>;

export const VolunteerOpportunityList = z.object({
  timeZone: z.string(),
  items: z.array(VolunteerOpportunity),
});
export type VolunteerOpportunityList = z.infer<typeof VolunteerOpportunityList>;

/** `GET /volunteering/opportunities`: filters, all optional. */
export const VolunteerOpportunitiesQuery = z.object({
  skill: z.optional(z.string().check(z.maxLength(200))),
  location: z.optional(z.string().check(z.maxLength(100))),
  /** Only opportunities with a shift on or after this date (`YYYY-MM-DD`, in the centre's time zone). */
  from: z.optional(z.iso.date()),
  /** Only opportunities with a shift on or before this date. */
  to: z.optional(z.iso.date()),
});
export type VolunteerOpportunitiesQuery = z.infer<typeof VolunteerOpportunitiesQuery>;

export const Guardian = z.object({
  name: PersonName,
  email: Email,
  phone: z.optional(Phone),
  /** How they are related, e.g. "mother". */
  relationship: OptionalText(60),
});
export type Guardian = z.infer<typeof Guardian>;

/**
 * `POST /volunteering/signups`. When a chosen shift is full the server answers 409 with a field error `shiftFull`
 * at `["shiftIds", i]` and stores nothing, unless `waitlistIfFull` is true: then that shift is `waitlisted`.
 */
export const SignupRequest = z.object({
  opportunityId: Uuid,
  shiftIds: z.array(Uuid).check(z.minLength(1, 'required'), z.maxLength(12)),
  waitlistIfFull: z.optional(z.boolean()),
  name: PersonName,
  email: Email,
  phone: z.optional(Phone),
  ageBand: AgeBand,
  /** Required for 15–17. */
  guardian: z.optional(Guardian),
  /** Which of the opportunity's skills the person has. */
  skills: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(30))),
  availability: OptionalText(500),
  accessibility: OptionalText(500),
  consent: z.literal(true, 'consent'),
  /** The language of the messages we send. */
  locale: z.optional(MessageLocale),
  /**
   * The page the signup was made on, without its fragment: links in messages point back to it
   * (`…#kentro-manage=<token>`). Must be on an allowed origin; otherwise the server's own page is used.
   */
  pageUrl: z.optional(z.string().check(z.maxLength(2000))),
  ...HumanCheck.shape,
});
export type SignupRequest = z.infer<typeof SignupRequest>;

export const SignupStatus = z.enum(SIGNUP_STATUSES);
export type SignupStatus = z.infer<typeof SignupStatus>;

export const BookingStatus = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof BookingStatus>;

/** One shift of a signup. `position` is the place in the waitlist (1 = next) while waitlisted. */
export const Booking = z.object({
  shift: VolunteerShift,
  status: BookingStatus,
  position: z.optional(z.number().check(z.int(), z.gte(1))),
});
export type Booking = z.infer<typeof Booking>;

/**
 * `201` answer of `POST /volunteering/signups`. `status`: `awaiting-guardian` while a minor's guardian has not
 * agreed; otherwise `confirmed` when at least one shift holds a place, else `waitlisted`.
 * `manageToken` opens the signup (see, cancel, calendar file); it is shown once and stored hashed.
 */
export const SignupCreated = z.object({
  reference: Reference,
  status: SignupStatus,
  manageToken: z.string(),
  bookings: z.array(z.object({ shiftId: z.string(), status: BookingStatus, position: z.optional(z.number()) })),
});
export type SignupCreated = z.infer<typeof SignupCreated>;

/** `GET /volunteering/signups/{token}`: the signup, with only the volunteer's first name. */
export const SignupView = z.object({
  reference: Reference,
  status: z.union([SignupStatus, z.literal('cancelled')]),
  firstName: z.string(),
  opportunity: z.object({ id: z.string(), role: z.string(), requirements: z.optional(z.string()), place: z.optional(VolunteerPlace) }),
  bookings: z.array(Booking),
  guardian: z.enum(['not-needed', 'pending', 'confirmed', 'declined']),
  createdAt: z.string(),
});
export type SignupView = z.infer<typeof SignupView>;

/** `DELETE /volunteering/signups/{token}`: cancel one shift (`shiftId`) or, without it, every shift. */
export const CancelSignupQuery = z.object({ shiftId: z.optional(Uuid) });
export type CancelSignupQuery = z.infer<typeof CancelSignupQuery>;

/** What a guardian sees before agreeing: the minor's first name and what they signed up for. */
export const GuardianView = z.object({
  reference: Reference,
  minorFirstName: z.string(),
  guardianName: z.string(),
  opportunity: z.object({ role: z.string(), description: z.string(), requirements: z.optional(z.string()), place: z.optional(VolunteerPlace) }),
  shifts: z.array(VolunteerShift),
  decision: z.enum(['pending', 'confirmed', 'declined']),
});
export type GuardianView = z.infer<typeof GuardianView>;

export const GuardianDecision = z.object({ decision: z.enum(['confirm', 'decline'], 'choice') });
export type GuardianDecision = z.infer<typeof GuardianDecision>;

/** Staff listing: one row per booked shift. */
export const AdminSignupsQuery = z.object({
  opportunityId: z.optional(Uuid),
  shiftId: z.optional(Uuid),
  status: z.optional(z.enum(['confirmed', 'waitlisted', 'cancelled', 'awaiting-guardian'])),
  format: z.optional(z.enum(['json', 'csv'])),
  ...StaffPageQuery,
});
export type AdminSignupsQuery = z.infer<typeof AdminSignupsQuery>;

export const AdminSignupRow = z.object({
  reference: Reference,
  opportunity: z.string(),
  shiftId: z.string(),
  shiftStart: z.string(),
  shiftEnd: z.string(),
  status: BookingStatus,
  position: z.optional(z.number()),
  guardian: z.enum(['not-needed', 'pending', 'confirmed', 'declined']),
  name: z.string(),
  email: z.string(),
  phone: z.optional(z.string()),
  ageBand: AgeBand,
  guardianName: z.optional(z.string()),
  guardianEmail: z.optional(z.string()),
  guardianPhone: z.optional(z.string()),
  skills: z.array(z.string()),
  availability: z.optional(z.string()),
  accessibility: z.optional(z.string()),
  createdAt: z.string(),
});
export type AdminSignupRow = z.infer<typeof AdminSignupRow>;

export const AdminSignupList = staffPage(AdminSignupRow);
export type AdminSignupList = z.infer<typeof AdminSignupList>;
