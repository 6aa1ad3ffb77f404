/**
 * What a signup's chosen shifts must satisfy before any place is taken: each belongs to the opportunity, has not
 * started, and is chosen once; and the person (by folded email) holds no booking on the same shift or on one
 * that overlaps it, and chose no two overlapping shifts. The person checks run under the person's lock
 * (./places.ts), so two signups of one person cannot both pass them.
 */
import type { FieldError, FieldErrorCode } from '../../contract/common.ts';
import type { Queryable } from '../db/types.ts';
import { describeFieldError } from '../http/describe.ts';

export interface ChosenShift {
  /** Index in the request's `shiftIds`. */
  index: number;
  id: string;
  starts_at: Date;
  ends_at: Date;
}

const shiftError = (index: number, code: FieldErrorCode): FieldError => ({ path: ['shiftIds', index], code, message: describeFieldError(code) });

/** The chosen shifts, or field errors (`shiftUnavailable`) for those that cannot be booked. */
export async function chosenShifts(q: Queryable, opportunityId: string, shiftIds: readonly string[]): Promise<{ shifts: ChosenShift[]; errors: FieldError[] }> {
  const { rows } = await q.query<{ id: string; starts_at: Date; ends_at: Date }>(
    'SELECT id, starts_at, ends_at FROM volunteer_shifts WHERE id = ANY($1::uuid[]) AND opportunity_id = $2 AND starts_at > now()',
    [[...new Set(shiftIds)], opportunityId],
  );
  const found = new Map(rows.map((r) => [r.id, r]));
  const shifts: ChosenShift[] = [];
  const errors: FieldError[] = [];
  shiftIds.forEach((id, index) => {
    const row = found.get(id);
    if (!row || shiftIds.indexOf(id) < index) errors.push(shiftError(index, 'shiftUnavailable'));
    else shifts.push({ index, ...row });
  });
  return { shifts, errors };
}

const overlaps = (a: { starts_at: Date; ends_at: Date }, b: { starts_at: Date; ends_at: Date }) =>
  a.starts_at < b.ends_at && b.starts_at < a.ends_at;

/** `alreadySignedUp` and `overlap` errors against the person's active bookings and among the chosen shifts. */
export async function personConflicts(q: Queryable, emailFold: string, shifts: readonly ChosenShift[]): Promise<FieldError[]> {
  const { rows } = await q.query<{ requested: string; held: string }>(
    `SELECT r.id AS requested, h.id AS held
       FROM volunteer_shifts r
       JOIN volunteer_bookings b ON b.email_fold = $1 AND b.status <> 'cancelled'
       JOIN volunteer_shifts h ON h.id = b.shift_id
      WHERE r.id = ANY($2::uuid[]) AND (h.id = r.id OR (h.starts_at < r.ends_at AND r.starts_at < h.ends_at))`,
    [emailFold, shifts.map((s) => s.id)],
  );
  const errors: FieldError[] = [];
  shifts.forEach((shift, i) => {
    const clashes = rows.filter((r) => r.requested === shift.id);
    if (clashes.some((r) => r.held === shift.id)) errors.push(shiftError(shift.index, 'alreadySignedUp'));
    else if (clashes.length > 0 || shifts.slice(0, i).some((earlier) => overlaps(earlier, shift))) errors.push(shiftError(shift.index, 'overlap'));
  });
  return errors;
}
