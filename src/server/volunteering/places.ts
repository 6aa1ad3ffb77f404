/**
 * Places on shifts, counted by the database. Booking is ONE statement per shift: the conditional UPDATE takes a
 * place only while `filled < capacity` (PostgreSQL re-checks the condition on the newest row version when another
 * transaction changed it first, and PGlite runs one statement at a time), and the INSERT in the same statement
 * records the booking as confirmed exactly when the UPDATE took a place. No count is ever read and then written.
 *
 * Freeing a place gives it to the first person on the shift's waitlist in the same statement, or lowers `filled`
 * when nobody waits: a place is never both freed and given, and never given twice (`FOR UPDATE SKIP LOCKED`
 * means two cancellations running together promote two different people).
 *
 * Lock order everywhere (to rule out deadlocks): the signup row, then the person's advisory lock, then their
 * bookings, then shift rows in ascending id order.
 */
import type { Queryable } from '../db/types.ts';

/** Names the advisory-lock space of volunteers ("vol"); the migration lock uses the one-key space. */
const PERSON_LOCK_SPACE = 0x766f6c;

/** Serialises every change to one person's bookings (overlap checks, one booking per shift). */
export async function lockPerson(tx: Queryable, emailFold: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::integer, hashtext($2)) IS NULL AS locked', [PERSON_LOCK_SPACE, emailFold]);
}

export type BookedStatus = 'confirmed' | 'waitlisted';

/** Books `shiftId` for the signup: a place if one is free (and the shift has not started), else the waitlist. */
export async function bookPlace(tx: Queryable, signupId: string, shiftId: string, emailFold: string): Promise<{ id: string; status: BookedStatus }> {
  const { rows } = await tx.query<{ id: string; status: BookedStatus }>(
    `WITH take AS (
       UPDATE volunteer_shifts SET filled = filled + 1
        WHERE id = $1 AND filled < capacity AND starts_at > now()
       RETURNING id
     )
     INSERT INTO volunteer_bookings (signup_id, shift_id, email_fold, status, waitlist_order, confirmed_at)
     SELECT $2, $1, $3,
            CASE WHEN EXISTS (SELECT 1 FROM take) THEN 'confirmed' ELSE 'waitlisted' END,
            CASE WHEN EXISTS (SELECT 1 FROM take) THEN NULL ELSE nextval('volunteer_waitlist_order') END,
            CASE WHEN EXISTS (SELECT 1 FROM take) THEN now() END
     RETURNING id, status`,
    [shiftId, signupId, emailFold],
  );
  return rows[0]!;
}

export interface Promotion {
  bookingId: string;
  signupId: string;
  shiftId: string;
}

/**
 * Frees one held place of `shiftId`: the first waitlisted booking takes it (returned), or, with nobody waiting
 * or the shift already started, `filled` goes down by one.
 */
export async function releasePlace(tx: Queryable, shiftId: string): Promise<Promotion | undefined> {
  const { rows } = await tx.query<{ id: string; signup_id: string }>(
    `WITH next AS (
       SELECT b.id FROM volunteer_bookings b JOIN volunteer_shifts s ON s.id = b.shift_id
        WHERE b.shift_id = $1 AND b.status = 'waitlisted' AND s.starts_at > now()
        ORDER BY b.waitlist_order LIMIT 1
        FOR UPDATE OF b SKIP LOCKED
     ), promoted AS (
       UPDATE volunteer_bookings b
          SET status = 'confirmed', confirmed_at = now(), updated_at = now(), sequence = b.sequence + 1
         FROM next WHERE b.id = next.id
       RETURNING b.id, b.signup_id
     ), freed AS (
       UPDATE volunteer_shifts SET filled = filled - 1
        WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM promoted)
       RETURNING id
     )
     SELECT id, signup_id FROM promoted`,
    [shiftId],
  );
  // `freed` runs whether or not the SELECT reads it (PostgreSQL runs every data-modifying WITH exactly once).
  const promoted = rows[0];
  return promoted ? { bookingId: promoted.id, signupId: promoted.signup_id, shiftId } : undefined;
}
