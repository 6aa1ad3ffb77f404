/**
 * Cancelling bookings of one signup (the volunteer's own page, a guardian's "no", a guardian hold that ran out).
 * Every freed place goes to the first person on that shift's waitlist in the same transaction, and they are told.
 * Cancelling what is already cancelled changes nothing.
 */
import type { Queryable } from '../db/types.ts';
import { queueVolunteerMail, type VolunteerSettings } from './messages.ts';
import { lockPerson, releasePlace } from './places.ts';
import type { SignupRow } from './records.ts';

export interface CancelOptions {
  /** Only this shift's booking; all by default. */
  shiftId?: string;
  /** Shifts that have started too (a minor's held places); otherwise only upcoming ones. */
  includePast?: boolean;
}

/** Cancels the signup's active bookings; returns the ids of those it cancelled now. The caller holds the signup's row lock. */
export async function cancelBookings(tx: Queryable, settings: VolunteerSettings, signup: Pick<SignupRow, 'id' | 'email_fold'>, options: CancelOptions = {}): Promise<string[]> {
  await lockPerson(tx, signup.email_fold);
  const { rows } = await tx.query<{ id: string; shift_id: string; was: string }>(
    `WITH target AS (
       SELECT b.id, b.status FROM volunteer_bookings b JOIN volunteer_shifts s ON s.id = b.shift_id
        WHERE b.signup_id = $1 AND b.status <> 'cancelled'
          AND ($2::uuid IS NULL OR b.shift_id = $2::uuid) AND ($3 OR s.starts_at > now())
        ORDER BY b.shift_id
        FOR UPDATE OF b
     )
     UPDATE volunteer_bookings b
        SET status = 'cancelled', cancelled_at = now(), updated_at = now(), sequence = b.sequence + 1
       FROM target WHERE b.id = target.id
     RETURNING b.id, b.shift_id, target.status AS was`,
    [signup.id, options.shiftId ?? null, options.includePast ?? false],
  );
  // Shift rows in ascending id order, as everywhere (./places.ts).
  const freed = rows.filter((r) => r.was === 'confirmed').sort((a, b) => (a.shift_id < b.shift_id ? -1 : 1));
  for (const booking of freed) {
    const promoted = await releasePlace(tx, booking.shift_id);
    if (promoted) await queueVolunteerMail(tx, settings, promoted.signupId, 'promoted', [promoted.bookingId]);
  }
  return rows.map((r) => r.id);
}
