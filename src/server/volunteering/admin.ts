/**
 * Staff listing of signups: one row per booked shift with the volunteer's (and guardian's) details, as JSON or as
 * CSV for a spreadsheet. Status `awaiting-guardian` selects the active bookings of minors whose guardian has not
 * answered; `confirmed` then means places that need nobody's further agreement.
 */
import type { AdminSignupRow, AdminSignupsQuery } from '../../contract/volunteering.ts';
import type { Queryable } from '../db/types.ts';
import { isoInZone } from '../events/zone.ts';
import { after, decodeCursor, DEFAULT_PAGE_SIZE, keysetColumn, orderBy, pageOf, pagesOf, type KeysetOrder, type Page } from '../http/keyset.ts';
import { Params } from '../hsds/sql.ts';
import type { GuardianStatus, SignupRow } from './records.ts';

interface Row extends Pick<SignupRow, 'reference' | 'name' | 'email' | 'phone' | 'age_band' | 'guardian_name' | 'guardian_email' | 'guardian_phone' | 'skills' | 'availability' | 'accessibility' | 'created_at'> {
  role: string;
  shift_id: string;
  starts_at: Date;
  ends_at: Date;
  status: AdminSignupRow['status'];
  position: number | null;
  guardian_status: GuardianStatus;
}

const STATUS_FILTER: Record<NonNullable<AdminSignupsQuery['status']>, string> = {
  confirmed: `b.status = 'confirmed' AND g.guardian_status <> 'pending'`,
  waitlisted: `b.status = 'waitlisted' AND g.guardian_status <> 'pending'`,
  cancelled: `b.status = 'cancelled'`,
  'awaiting-guardian': `b.status <> 'cancelled' AND g.guardian_status = 'pending'`,
};

/** By shift (soonest first), then confirmed, waiting (in order), cancelled; the booking breaks ties. */
const ORDER: KeysetOrder = {
  direction: 'asc',
  columns: [
    { sql: 's.starts_at', type: 'timestamptz' }, { sql: 's.id', type: 'uuid' },
    { sql: `CASE b.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`, type: 'bigint' },
    { sql: 'coalesce(b.waitlist_order, 0)', type: 'bigint' }, { sql: 'g.created_at', type: 'timestamptz' }, { sql: 'b.id', type: 'uuid' },
  ],
};

const fetchRows = (q: Queryable, query: AdminSignupsQuery) => async (limit: number, cursor: string[] | undefined) => {
  const p = new Params();
  const and = ['true'];
  if (query.opportunityId) and.push(`g.opportunity_id = ${p.add(query.opportunityId, 'uuid')}`);
  if (query.shiftId) and.push(`b.shift_id = ${p.add(query.shiftId, 'uuid')}`);
  if (query.status) and.push(STATUS_FILTER[query.status]);
  if (cursor) and.push(after(p, ORDER, cursor));
  const { rows } = await q.query<Row & { keyset: string[] }>(
    `SELECT g.reference, o.role, b.shift_id, s.starts_at, s.ends_at, b.status, g.guardian_status, g.name, g.email, g.phone,
            g.age_band, g.guardian_name, g.guardian_email, g.guardian_phone, g.skills, g.availability, g.accessibility, g.created_at,
            CASE WHEN b.status = 'waitlisted' THEN (
              SELECT count(*) FROM volunteer_bookings w
               WHERE w.shift_id = b.shift_id AND w.status = 'waitlisted' AND w.waitlist_order <= b.waitlist_order) END AS position,
            ${keysetColumn(ORDER)}
       FROM volunteer_bookings b
       JOIN volunteer_signups g ON g.id = b.signup_id
       JOIN volunteer_shifts s ON s.id = b.shift_id
       JOIN volunteer_opportunities o ON o.id = g.opportunity_id
      WHERE ${and.join(' AND ')}
      ORDER BY ${orderBy(ORDER)} LIMIT ${p.add(limit, 'integer')}`,
    p.values,
  );
  return rows;
};

/** One page of the staff list (`limit` rows after the `after` cursor). */
export function adminSignupPage(q: Queryable, query: AdminSignupsQuery, timeZone: string): Promise<Page<AdminSignupRow>> {
  return pageOf(query.limit ?? DEFAULT_PAGE_SIZE, decodeCursor(query.after, ORDER), fetchRows(q, query), (rows) => toRows(rows, timeZone));
}

function toRows(rows: readonly Row[], timeZone: string): AdminSignupRow[] {
  return rows.map((r) => ({
    reference: r.reference,
    opportunity: r.role,
    shiftId: r.shift_id,
    shiftStart: isoInZone(r.starts_at.getTime(), timeZone),
    shiftEnd: isoInZone(r.ends_at.getTime(), timeZone),
    status: r.status,
    ...(r.position ? { position: Number(r.position) } : {}),
    guardian: r.guardian_status,
    name: r.name,
    email: r.email,
    ...(r.phone ? { phone: r.phone } : {}),
    ageBand: r.age_band,
    ...(r.guardian_name ? { guardianName: r.guardian_name } : {}),
    ...(r.guardian_email ? { guardianEmail: r.guardian_email } : {}),
    ...(r.guardian_phone ? { guardianPhone: r.guardian_phone } : {}),
    skills: r.skills,
    ...(r.availability ? { availability: r.availability } : {}),
    ...(r.accessibility ? { accessibility: r.accessibility } : {}),
    createdAt: isoInZone(r.created_at.getTime(), timeZone),
  }));
}

const COLUMNS = [
  'reference', 'opportunity', 'shiftStart', 'shiftEnd', 'status', 'position', 'guardian', 'name', 'email', 'phone', 'ageBand',
  'guardianName', 'guardianEmail', 'guardianPhone', 'skills', 'availability', 'accessibility', 'createdAt', 'shiftId',
] as const satisfies readonly (keyof AdminSignupRow)[];

export const ADMIN_SIGNUPS_CSV_HEADER: readonly string[] = COLUMNS;

/** Every booking as CSV rows, a batch at a time, columns named as the JSON fields; skills joined with "; ". */
export const adminSignupsCsvRows = (q: Queryable, query: AdminSignupsQuery, timeZone: string) =>
  pagesOf(fetchRows(q, query), (rows) => toRows(rows, timeZone).map((r) => COLUMNS.map((c) => (c === 'skills' ? r.skills.join('; ') : r[c]))));
