/**
 * A school refers a pupil at risk of dropping out (σχολική διαρροή). It concerns a child, so it asks the minimum,
 * records the guardian's consent (or why there is none), stops at once when the child is in immediate danger, and
 * keeps the school informed through a status history that never contains pupil or guardian data.
 */
import * as z from 'zod/mini';
import { PERFORMANCE, REFERRAL_STATUSES, REFERRER_ROLES, RESPONSIBILITY, STATUS_CODE, URGENCY } from './referral-values.ts';

export * from './referral-values.ts';
import { HumanCheck, Reference, StaffPageQuery, staffPage } from './common.ts';
import { Email, MessageLocale, OptionalText, PersonName, Phone } from './people.ts';

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(max));

export const Referrer = z.object({
  name: PersonName,
  role: z.enum(REFERRER_ROLES, 'choice'),
  school: Text(200),
  /** A work address: the school's or the Ministry's (`sch.gr`), not a personal one where avoidable. */
  email: Email,
  phone: Phone,
});

export const Pupil = z.object({
  name: PersonName,
  /** Date of birth (`YYYY-MM-DD`) or, when unknown, age in years. */
  birthDate: z.optional(z.iso.date('date')),
  age: z.optional(z.coerce.number().check(z.int('number'), z.gte(4, 'tooSmall'), z.lte(20, 'tooBig'))),
  /** Class, e.g. "Β' Γυμνασίου". */
  class: Text(60),
  homeLanguage: OptionalText(60),
  interpreter: z.optional(z.boolean()),
  /** Learning difficulty or disability, only if it helps the centre help (optional). */
  learningNeeds: OptionalText(1000),
});

export const GuardianContact = z.object({
  name: PersonName,
  phone: z.optional(Phone),
  email: z.optional(Email),
  /** Who holds parental responsibility. */
  responsibility: z.enum(RESPONSIBILITY, 'choice'),
});

export const Consent = z.object({
  /** Is the child in immediate danger? `yes` stops the referral: call 112 or 1107 now. */
  immediateRisk: z.enum(['yes', 'no'], 'choice'),
  /** The guardian has been told and agrees. */
  guardianAgrees: z.enum(['yes', 'no'], 'choice'),
  /** Why not, when the guardian has not been told or does not agree. */
  reason: OptionalText(1000),
});

export const Indicators = z.object({
  /** Absence this term, in percent of school days. */
  absencePercent: z.coerce.number().check(z.gte(0, 'tooSmall'), z.lte(100, 'tooBig')),
  /** Behaviour incidents recorded this term. */
  behaviourIncidents: z.coerce.number().check(z.int('number'), z.gte(0, 'tooSmall'), z.lte(500, 'tooBig')),
  performance: z.enum(PERFORMANCE, 'choice'),
  otherFactors: OptionalText(2000),
  /** What the school has already tried. */
  tried: Text(2000),
  /** Other agencies involved (social services, health, police…). */
  agencies: OptionalText(1000),
});

export const Support = z.object({
  /** Programmes of the centre (HSDS service ids from the directory). */
  serviceIds: z.array(z.string().check(z.maxLength(100))).check(z.minLength(1, 'required'), z.maxLength(10)),
  urgency: z.enum(URGENCY, 'choice'),
  /** Why it is urgent (required unless routine). */
  urgencyReason: OptionalText(1000),
});

/** `POST /referrals`. */
export const ReferralRequest = z.object({
  referrer: Referrer,
  pupil: Pupil,
  guardian: GuardianContact,
  consent: Consent,
  indicators: Indicators,
  support: Support,
  locale: z.optional(MessageLocale),
  ...HumanCheck.shape,
});
export type ReferralRequest = z.infer<typeof ReferralRequest>;

/** `201`: the reference and the code the referrer uses to follow the status (shown once, stored hashed). */
export const ReferralCreated = z.object({ reference: Reference, statusToken: z.string() });
export type ReferralCreated = z.infer<typeof ReferralCreated>;

export const StatusToken = z.string().check(z.trim(), z.regex(STATUS_CODE, 'format'));

export const ReferralStatus = z.enum(REFERRAL_STATUSES, 'choice');
export type ReferralStatus = z.infer<typeof ReferralStatus>;

/** `GET /referrals/{reference}/status`: the history for the school, with no pupil or guardian data. */
export const ReferralStatusView = z.object({
  reference: Reference,
  status: ReferralStatus,
  history: z.array(z.object({
    status: ReferralStatus,
    at: z.string(),
    /** Staff's note meant for the school (a rejection's reason, what happens next). */
    note: z.optional(z.string()),
  })),
});
export type ReferralStatusView = z.infer<typeof ReferralStatusView>;

/** `PATCH /admin/referrals/{reference}`. A rejection needs its reason in `note`. */
export const ReferralStatusChange = z.object({
  status: ReferralStatus,
  note: OptionalText(2000),
});

/** A programme a school can ask for (from the directory). */
export const ReferralProgramme = z.object({ id: z.string(), name: z.string(), description: z.optional(z.string()) });
export const ReferralOptions = z.object({
  programmes: z.array(ReferralProgramme),
  /** Emergency numbers the form shows when a child is in immediate danger. */
  emergency: z.object({ general: z.string(), childLine: z.string() }),
});
export type ReferralOptions = z.infer<typeof ReferralOptions>;

export const AdminReferralsQuery = z.object({
  status: z.optional(ReferralStatus),
  format: z.optional(z.enum(['json', 'csv'])),
  ...StaffPageQuery,
});
export const AdminReferralRow = z.object({
  reference: Reference,
  status: ReferralStatus,
  createdAt: z.string(),
  urgency: z.enum(URGENCY),
  absencePercent: z.number(),
  absenceLevel: z.enum(['none', 'persistent', 'severe']),
  referrer: z.record(z.string(), z.unknown()),
  pupil: z.record(z.string(), z.unknown()),
  guardian: z.record(z.string(), z.unknown()),
  consent: z.record(z.string(), z.unknown()),
  indicators: z.record(z.string(), z.unknown()),
  programmes: z.array(z.string()),
  urgencyReason: z.optional(z.string()),
  history: ReferralStatusView.shape.history,
});
export const AdminReferralList = staffPage(AdminReferralRow);
