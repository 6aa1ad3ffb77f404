/**
 * The Volunteer Network's background work, safe on several servers at once: rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, and what marks them done is written in the same transaction as their messages.
 *
 * - Reminders: 24 hours before a shift, to each person holding a place on it (whose guardian, if needed, agreed),
 *   unless they took the place within those 24 hours: the message they just got says the same.
 * - Guardian holds: a minor's places are held for `guardianHoldHours`; with no answer by then, the bookings are
 *   cancelled (each freed place goes to the waitlist), the guardian's link stops working, and the minor is told.
 */
import type { Database } from '../db/types.ts';
import { cancelBookings } from './cancel.ts';
import { queueVolunteerMail, type VolunteerSettings } from './messages.ts';
import { findSignup } from './records.ts';

/** Queues due reminders; returns how many. */
export async function queueReminders(db: Database, settings: VolunteerSettings, batch = 50): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; signup_id: string }>(
        `UPDATE volunteer_bookings SET reminder_sent_at = now()
          WHERE id IN (
            SELECT b.id FROM volunteer_bookings b
              JOIN volunteer_shifts s ON s.id = b.shift_id
              JOIN volunteer_signups g ON g.id = b.signup_id
             WHERE b.status = 'confirmed' AND b.reminder_sent_at IS NULL
               AND g.guardian_status IN ('not-needed', 'confirmed')
               AND s.starts_at > now() AND s.starts_at <= now() + interval '24 hours'
               AND b.confirmed_at <= s.starts_at - interval '24 hours'
             ORDER BY s.starts_at, b.id LIMIT $1
             FOR UPDATE OF b SKIP LOCKED)
        RETURNING id, signup_id`,
        [batch],
      );
      for (const r of rows) await queueVolunteerMail(tx, settings, r.signup_id, 'reminder', [r.id]);
      return rows.length;
    });
    total += count;
    if (count < batch) return total;
  }
}

/** Releases the places of minors whose guardian did not answer in time; returns how many signups. */
export async function releaseExpiredHolds(db: Database, settings: VolunteerSettings): Promise<number> {
  let total = 0;
  for (;;) {
    const released = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `SELECT id FROM volunteer_signups
          WHERE guardian_status = 'pending' AND hold_released_at IS NULL
            AND created_at < now() - ($1::integer * interval '1 hour')
          ORDER BY created_at LIMIT 1
          FOR UPDATE SKIP LOCKED`,
        [settings.guardianHoldHours],
      );
      const signup = rows[0] && (await findSignup(tx, { id: rows[0].id }));
      if (!signup) return false;
      await tx.query('UPDATE volunteer_signups SET hold_released_at = now(), updated_at = now() WHERE id = $1', [signup.id]);
      await tx.query(`DELETE FROM volunteer_signup_tokens WHERE signup_id = $1 AND purpose = 'guardian'`, [signup.id]);
      const cancelled = await cancelBookings(tx, settings, signup, { includePast: true });
      if (cancelled.length) await queueVolunteerMail(tx, settings, signup.id, 'hold-released', cancelled);
      return true;
    });
    if (!released) return total;
    total++;
  }
}
