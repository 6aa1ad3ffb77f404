/** Reading signups, their bookings and opportunities as rows, for views, messages, calendars and jobs. */
import type { AgeBand, MessageLocale } from '../../contract/people.ts';
import type { Queryable } from '../db/types.ts';
import { newToken, tokenHash } from './tokens.ts';

export type GuardianStatus = 'not-needed' | 'pending' | 'confirmed' | 'declined';

export interface SignupRow {
  id: string;
  reference: string;
  opportunity_id: string;
  name: string;
  email: string;
  email_fold: string;
  phone: string | null;
  age_band: Exclude<AgeBand, 'under-15'>;
  guardian_name: string | null;
  guardian_email: string | null;
  guardian_phone: string | null;
  guardian_relationship: string | null;
  guardian_status: GuardianStatus;
  hold_released_at: Date | null;
  skills: string[];
  availability: string | null;
  accessibility: string | null;
  locale: MessageLocale;
  page_url: string | null;
  created_at: Date;
}

export const SIGNUP_COLUMNS = `id, reference, opportunity_id, name, email, email_fold, phone, age_band, guardian_name, guardian_email,
  guardian_phone, guardian_relationship, guardian_status, hold_released_at, skills, availability, accessibility, locale,
  page_url, created_at`;

/**
 * The signup with this id or token hash. `lock` takes its row lock (the first lock of every change, see
 * ./places.ts), so two changes to one signup run one after the other.
 */
export async function findSignup(q: Queryable, by: { id: string } | { tokenHash: string; purpose: TokenPurpose }, lock = false): Promise<SignupRow | undefined> {
  const where = 'id' in by
    ? { sql: 'id = $1', values: [by.id] }
    : { sql: 'id = (SELECT signup_id FROM volunteer_signup_tokens WHERE token_hash = $1 AND purpose = $2)', values: [by.tokenHash, by.purpose] };
  const { rows } = await q.query<SignupRow>(
    `SELECT ${SIGNUP_COLUMNS} FROM volunteer_signups WHERE ${where.sql}${lock ? ' FOR UPDATE' : ''}`,
    where.values,
  );
  return rows[0];
}

export type TokenPurpose = 'manage' | 'guardian';

/** A new token that opens the signup for `purpose`; only its hash is stored. */
export async function issueToken(tx: Queryable, signupId: string, purpose: TokenPurpose): Promise<string> {
  const token = newToken();
  await tx.query('INSERT INTO volunteer_signup_tokens (token_hash, signup_id, purpose) VALUES ($1, $2, $3)', [tokenHash(token), signupId, purpose]);
  return token;
}

export type BookingStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface BookingRow {
  id: string;
  shift_id: string;
  status: BookingStatus;
  /** Place in the shift's waitlist (1 = next) while waitlisted. */
  position: number | null;
  sequence: number;
  created_at: Date;
  updated_at: Date;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  filled: number;
  /** People waiting on this shift. */
  waitlist: number;
}

/** The shift columns every shift answer needs, for a `volunteer_shifts s`. */
export const SHIFT_COLUMNS = `s.starts_at, s.ends_at, s.capacity, s.filled,
  (SELECT count(*) FROM volunteer_bookings w WHERE w.shift_id = s.id AND w.status = 'waitlisted') AS waitlist`;

/** Bookings of a signup (optionally only some), soonest shift first. */
export async function signupBookings(q: Queryable, signupId: string, bookingIds?: readonly string[]): Promise<BookingRow[]> {
  const { rows } = await q.query<BookingRow>(
    `SELECT b.id, b.shift_id, b.status, b.sequence, b.created_at, b.updated_at, ${SHIFT_COLUMNS},
            CASE WHEN b.status = 'waitlisted' THEN (
              SELECT count(*) FROM volunteer_bookings w
               WHERE w.shift_id = b.shift_id AND w.status = 'waitlisted' AND w.waitlist_order <= b.waitlist_order) END AS position
       FROM volunteer_bookings b JOIN volunteer_shifts s ON s.id = b.shift_id
      WHERE b.signup_id = $1 AND ($2::uuid[] IS NULL OR b.id = ANY($2::uuid[]))
      ORDER BY s.starts_at, s.id`,
    [signupId, bookingIds ? [...bookingIds] : null],
  );
  return rows;
}

export interface OpportunityRow {
  id: string;
  role: string;
  description: string;
  skills: string[];
  requirements: string | null;
  min_age: number;
  status: 'open' | 'closed';
  location_id: string | null;
  place_name: string | null;
  place_address: string | null;
  place_city: string | null;
  centre_name: string;
  centre_alternate_name: string | null;
  centre_email: string | null;
  centre_phone: string | null;
}

/** Opportunity columns with its place and centre, for `volunteer_opportunities o`. */
export const OPPORTUNITY_FROM = `volunteer_opportunities o
  JOIN organizations org ON org.id = o.organization_id
  LEFT JOIN locations l ON l.id = o.location_id`;
export const OPPORTUNITY_COLUMNS = `o.id, o.role, o.description, o.skills, o.requirements, o.min_age, o.status, o.location_id,
  l.name AS place_name, l.address_1 AS place_address, l.city AS place_city,
  org.name AS centre_name, org.alternate_name AS centre_alternate_name, org.email AS centre_email, org.phone AS centre_phone`;

export async function findOpportunity(q: Queryable, id: string): Promise<OpportunityRow | undefined> {
  const { rows } = await q.query<OpportunityRow>(`SELECT ${OPPORTUNITY_COLUMNS} FROM ${OPPORTUNITY_FROM} WHERE o.id = $1`, [id]);
  return rows[0];
}

/** The first word of a name: all a view or a guardian's message shows of the volunteer. */
export const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? name;
