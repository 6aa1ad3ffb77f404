/**
 * The centre's front door: a person asks for help (αίτημα υποδοχής) and gets a reference number. They say what they
 * need (from the centre's needs taxonomy, and in their own words), who they are or that they prefer not to say, how
 * and when to reach them, their language, accessibility needs, and, only if they wish, a few optional facts about
 * themselves that help the centre plan (never a condition for help).
 */
import * as z from 'zod/mini';
import { CONTACT_METHODS, DAY_PARTS, INTAKE_AGE_BANDS, WEEKDAYS } from './intake-values.ts';

export * from './intake-values.ts';
import { HumanCheck, Reference, StaffPageQuery, staffPage } from './common.ts';
import { Email, MessageLocale, OptionalText, PersonName, Phone } from './people.ts';

export const IntakeAgeBand = z.enum(INTAKE_AGE_BANDS, 'choice');
export type IntakeAgeBand = z.infer<typeof IntakeAgeBand>;

export const ContactMethod = z.enum(CONTACT_METHODS, 'choice');
export type ContactMethod = z.infer<typeof ContactMethod>;


export const FactAnswer = z.enum(['yes', 'no', 'prefer-not'], 'choice');
export type FactAnswer = z.infer<typeof FactAnswer>;

/** Step 1: what they need. At least one need, or a few words of their own. */
export const IntakeNeeds = z.object({
  /** Ids of needs taxonomy terms (from `GET /intake/options`). */
  needs: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20))),
  /** In their own words. */
  description: OptionalText(2000),
  /** The programme they came from in the directory (an HSDS service id). */
  serviceId: z.optional(z.string().check(z.maxLength(100))),
});

/** Step 2: about them. A name, or that they prefer not to give one. */
export const IntakeAboutYou = z.object({
  anonymous: z.optional(z.boolean()),
  name: z.optional(PersonName),
  ageBand: IntakeAgeBand,
  /** Their area or village (free text or a place from the options). */
  area: OptionalText(120),
});

/** Step 3: how and when to reach them. */
export const IntakeContact = z.object({
  methods: z.array(ContactMethod).check(z.minLength(1, 'required'), z.maxLength(4)),
  phone: z.optional(Phone),
  email: z.optional(Email),
  days: z.optional(z.array(z.enum(WEEKDAYS)).check(z.maxLength(5))),
  times: z.optional(z.array(z.enum(DAY_PARTS)).check(z.maxLength(3))),
  consent: z.literal(true, 'consent'),
});

/** Step 4: language. */
export const IntakeLanguage = z.object({
  /** ISO 639-1/3 code, e.g. `el`, `ar`, `rom`; `other` with `otherLanguage`. */
  preferred: z.string().check(z.minLength(1, 'required'), z.maxLength(20)),
  otherLanguage: OptionalText(60),
  interpreter: z.optional(z.boolean()),
});

/** Step 6: optional facts with their own consent. */
export const IntakeFacts = z.object({
  roma: z.optional(FactAnswer),
  migrant: z.optional(FactAnswer),
  disability: z.optional(FactAnswer),
  keaBeneficiary: z.optional(FactAnswer),
  /** Must be true when any fact is answered "yes" or "no". */
  consent: z.optional(z.boolean()),
});
export type IntakeFacts = z.infer<typeof IntakeFacts>;

/** `POST /intake/requests`. */
export const IntakeRequest = z.object({
  ...IntakeNeeds.shape,
  about: IntakeAboutYou,
  contact: IntakeContact,
  language: IntakeLanguage,
  /** Step 5: what would help at an appointment (optional). */
  accessibility: OptionalText(1000),
  facts: z.optional(IntakeFacts),
  /** The language of the confirmation and of any message. */
  locale: z.optional(MessageLocale),
  ...HumanCheck.shape,
});
export type IntakeRequest = z.infer<typeof IntakeRequest>;

export const IntakeCreated = z.object({ reference: Reference });
export type IntakeCreated = z.infer<typeof IntakeCreated>;

/** A need the person can choose (a term of the centre's needs taxonomy, with its sub-needs). */
export interface IntakeNeedOption {
  id: string;
  code?: string;
  name: string;
  description?: string;
  children?: IntakeNeedOption[];
}
export const IntakeNeedOption: z.ZodMiniType<IntakeNeedOption> = z.object({
  id: z.string(),
  code: z.optional(z.string()),
  name: z.string(),
  description: z.optional(z.string()),
  get children() { return z.optional(z.array(IntakeNeedOption)); },
});

/** `GET /intake/options`: what the form offers, and what the confirmation tells. */
export const IntakeOptions = z.object({
  needs: z.array(IntakeNeedOption),
  /** The mobile unit's villages and the centre's areas, to choose from (free text is also accepted). */
  areas: z.array(z.string()),
  /** Languages the centre can offer directly or with an interpreter (ISO codes). */
  languages: z.array(z.string()),
  centre: z.object({
    name: z.string(),
    address: z.optional(z.string()),
    phone: z.optional(z.string()),
    email: z.optional(z.string()),
    /** Opening hours in the centre's words, e.g. "Δευτέρα–Παρασκευή 08:00–15:00". */
    hours: z.optional(z.string()),
    /** Working days within which the centre answers a request. */
    replyWithinDays: z.number().check(z.int(), z.gte(1)),
  }),
});
export type IntakeOptions = z.infer<typeof IntakeOptions>;

/** Staff listing. */
export const AdminIntakeQuery = z.object({
  status: z.optional(z.enum(['new', 'in-progress', 'closed'])),
  format: z.optional(z.enum(['json', 'csv'])),
  ...StaffPageQuery,
});

export const AdminIntakeRow = z.object({
  reference: Reference,
  status: z.enum(['new', 'in-progress', 'closed']),
  createdAt: z.string(),
  needs: z.array(z.string()),
  description: z.optional(z.string()),
  service: z.optional(z.string()),
  anonymous: z.boolean(),
  name: z.optional(z.string()),
  ageBand: IntakeAgeBand,
  area: z.optional(z.string()),
  methods: z.array(ContactMethod),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  days: z.array(z.string()),
  times: z.array(z.string()),
  language: z.string(),
  interpreter: z.boolean(),
  accessibility: z.optional(z.string()),
  facts: z.optional(z.record(z.string(), z.string())),
  forwarded: z.enum(['not-configured', 'pending', 'delivered', 'failing']),
});
export const AdminIntakeList = staffPage(AdminIntakeRow);

/** What the intake form reads of a directory programme (`GET /hsds/services/{id}`): its name and need terms. */
export const IntakeServiceSummary = z.looseObject({
  id: z.string(),
  name: z.string(),
  attributes: z.optional(z.nullable(z.array(z.looseObject({ taxonomy_term_id: z.optional(z.nullable(z.string())) })))),
});
export type IntakeServiceSummary = z.infer<typeof IntakeServiceSummary>;
