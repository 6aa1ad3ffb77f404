/**
 * A guardian's answer to a minor's signup. "Confirm" completes it (its held places and waitlist entries stand);
 * "decline" cancels every booking, freeing places for the waitlist. Answering the same way twice changes nothing;
 * the other way round after deciding, or confirming when no upcoming booking is left, is a conflict.
 */
import type { GuardianDecision } from '../../contract/volunteering.ts';
import type { Queryable } from '../db/types.ts';
import { ProblemError } from '../http/problem.ts';
import { cancelBookings } from './cancel.ts';
import { queueVolunteerMail, type VolunteerSettings } from './messages.ts';
import type { SignupRow } from './records.ts';

const DECIDED = { confirm: 'confirmed', decline: 'declined' } as const;

/** Applies the decision; the caller holds the signup's row lock. */
export async function decide(tx: Queryable, settings: VolunteerSettings, signup: SignupRow, decision: GuardianDecision['decision']): Promise<void> {
  const wanted = DECIDED[decision];
  if (signup.guardian_status === wanted) return;
  if (signup.guardian_status !== 'pending') {
    throw new ProblemError(409, 'conflict', { detail: `This request was already answered: ${signup.guardian_status}.` });
  }
  if (decision === 'confirm') {
    const { rows } = await tx.query(
      `SELECT 1 FROM volunteer_bookings b JOIN volunteer_shifts s ON s.id = b.shift_id
        WHERE b.signup_id = $1 AND b.status <> 'cancelled' AND s.starts_at > now() LIMIT 1`,
      [signup.id],
    );
    if (rows.length === 0) throw new ProblemError(409, 'conflict', { detail: 'Nothing is left to agree to: the shifts were cancelled or have passed.' });
  }
  await tx.query(
    'UPDATE volunteer_signups SET guardian_status = $2, guardian_decided_at = now(), updated_at = now() WHERE id = $1',
    [signup.id, wanted],
  );
  if (decision === 'decline') await cancelBookings(tx, settings, signup, { includePast: true });
  await queueVolunteerMail(tx, settings, signup.id, decision === 'confirm' ? 'guardian-confirmed' : 'guardian-declined');
}
