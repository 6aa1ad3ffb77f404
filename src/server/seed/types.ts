/** Shapes of the seed data. Records are linked by readable keys; `seedId(key)` gives their UUIDs. */
import type { EventCategory } from '../../contract/events.ts';
import type { LocalDateTime, Weekday } from './dates.ts';

export interface SeedOrganization {
  key: string;
  name: string;
  alternateName: string;
  description: string;
  email: string;
  website: string;
  phone: string;
}

export type LocationKind = 'centre' | 'branch' | 'mobile-stop';

export interface SeedLocation {
  key: string;
  /** Opening hours of the place (for a mobile-unit stop: the unit's visiting day). */
  hours: readonly SeedSchedule[];
  kind: LocationKind;
  name: string;
  alternateName?: string;
  description: string;
  address1: string;
  city: string;
  region: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  phone?: string;
  email?: string;
  accessibility: string;
  transport: string;
  /** The regional unit (περιφερειακή ενότητα), HSDS `address.state_province`. */
  stateProvince: string;
}

/** A phone of the organisation, a location or a service. `languages`: ISO 639 codes of those who answer. */
export interface SeedPhone {
  number: string;
  type?: 'voice' | 'cell' | 'text';
  description: string;
  languages: readonly string[];
}

/** Weekly hours (`bysetpos` unset) or a monthly day such as the first Tuesday (`byday: ['TU'], bysetpos: 1`). */
export interface SeedSchedule {
  freq: 'WEEKLY' | 'MONTHLY';
  byday: readonly Weekday[];
  bysetpos?: number;
  opens: string;
  closes: string;
  description: string;
}

export interface SeedProgramme {
  key: string;
  name: string;
  alternateName?: string;
  description: string;
  eligibility: string;
  applicationProcess: string;
  requiredDocuments: readonly string[];
  fees: string;
  /** ISO 639 codes of the languages the service is offered in (with interpreters or mediators). */
  languages: readonly string[];
  audiences: readonly string[];
  categories: readonly string[];
  /** Location keys where it is offered. */
  locations: readonly string[];
  /** Hours of the service itself, when they differ from the location's. */
  schedules?: readonly SeedSchedule[];
  /** Hours of the service at one location (location key → hours), e.g. the mobile unit's day in each village. */
  schedulesAt?: Readonly<Record<string, readonly SeedSchedule[]>>;
  /** Keys of the needs it meets (terms of the needs taxonomy); target groups come from `audiences`. */
  needs: readonly string[];
  /** Age limits of the people it serves, where there are any. */
  minimumAge?: number;
  maximumAge?: number;
  /** HSDS `interpretation_services`: interpreters, mediators and sign language. */
  interpretation: string;
  /** Phones of the service itself (the centre's switchboard when absent). */
  phones?: readonly SeedPhone[];
}

/** A term of a taxonomy, with its children. Keys like `need:benefits:kea` name it for seedId and the programmes. */
export interface SeedTerm {
  key: string;
  code: string;
  name: string;
  description: string;
  children?: readonly SeedTerm[];
}

export interface SeedTaxonomy {
  key: string;
  name: string;
  description: string;
  version: string;
  /** HSDS `attribute.link_type` of the links to its terms: what the term says about a service. */
  linkType: string;
  terms: readonly SeedTerm[];
}

export type EventStatus = 'scheduled' | 'cancelled' | 'postponed' | 'moved-online';

/** How to take part (migration 003): none, open (places left if counted), full, or a link. */
export interface SeedRegistration {
  kind: 'none' | 'open' | 'full' | 'link';
  note?: string;
  capacity?: number;
  placesLeft?: number;
  url?: string;
}

/** One occurrence of a series changed: `occurrence` is its original local start. */
export interface SeedOverride {
  occurrence: LocalDateTime;
  /** Moved: the new local start and end. */
  start?: LocalDateTime;
  end?: LocalDateTime;
  status?: EventStatus;
  statusNote?: string;
}

export interface SeedEvent {
  key: string;
  title: string;
  description: string;
  /** One of EVENT_CATEGORIES (src/contract/events.ts). */
  category: EventCategory;
  location: string;
  programme?: string;
  start: LocalDateTime;
  end: LocalDateTime;
  /** RFC 5545 RRULE value (without `RRULE:`), expanded in the centre's time zone. */
  rrule?: string;
  status: EventStatus;
  statusNote?: string;
  accessibility?: string;
  registration: SeedRegistration;
  /** ISO 639 codes of the languages used (default Greek only). */
  languages?: readonly string[];
  /** A one-off event moved this many days later after it was announced (its original start is kept). */
  movedByDays?: number;
  /** Occurrences of a series that do not take place at all (local starts). */
  exdates?: readonly LocalDateTime[];
  overrides?: readonly SeedOverride[];
}

export interface SeedShift {
  start: LocalDateTime;
  end: LocalDateTime;
  capacity: number;
  /** Places already taken (sign-ups received by phone or at the desk). */
  filled: number;
}

export interface SeedOpportunity {
  key: string;
  role: string;
  description: string;
  skills: readonly string[];
  requirements: string;
  minAge: number;
  location: string;
  shifts: readonly SeedShift[];
}
