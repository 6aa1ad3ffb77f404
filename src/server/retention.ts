/**
 * Retention: personal data is kept only as long as the centre needs it. A job (run with the others, ./jobs.ts)
 * deletes
 * - intake requests closed more than `retentionDays` ago (KENTRO_RETENTION_DAYS, 365 by default);
 * - referrals in a final status (rejected, completed, cancelled: those REFERRAL_TRANSITIONS leads nowhere from)
 *   whose last status change is more than `retentionDays` old;
 * - volunteer signups whose last shift ended more than `signupRetentionDays` ago (KENTRO_SIGNUP_RETENTION_DAYS, 90),
 *   whatever their bookings' status; a signup left without bookings counts from when it was made.
 * Open records are never deleted, however old. With each record go its dependants: tokens, bookings, status history
 * and webhook deliveries by ON DELETE CASCADE; here, its messages in the outbox (by `about`) and any stored
 * idempotent answer that names its reference. Idempotency keys past their time (24 h) are purged in the same run.
 *
 * Each batch is one transaction that locks its rows with `FOR UPDATE SKIP LOCKED`, so several servers (or two runs)
 * may delete at once without waiting on each other or deleting anything twice, and a record being changed right
 * now is left for the next run.
 */
import { REFERRAL_TRANSITIONS } from '../contract/referral.ts';
import type { Config } from './config.ts';
import type { Database, Queryable } from './db/types.ts';
import { purgeExpiredIdempotencyKeys } from './http/idempotency.ts';

export type RetentionSettings = Pick<Config, 'retentionDays' | 'signupRetentionDays' | 'idempotencyTtlMs'>;

export interface RetentionReport {
  intakeRequests: number;
  referrals: number;
  signups: number;
  /** Idempotency keys past their time to live. */
  idempotencyKeys: number;
}

/** Statuses a referral never leaves. */
export const FINAL_REFERRAL_STATUSES = Object.entries(REFERRAL_TRANSITIONS)
  .filter(([, next]) => next.length === 0)
  .map(([status]) => status);

const BATCH = 200;

/**
 * The statements that pick (and lock) at most $2 records kept longer than $1 days and delete them, returning their
 * references. `FOR UPDATE SKIP LOCKED` in the sub-select: a row another run holds is left to that run.
 */
const DELETE_EXPIRED = {
  intakeRequests: `
    DELETE FROM intake_requests WHERE id IN (
      SELECT id FROM intake_requests
       WHERE status = 'closed' AND closed_at < now() - ($1::integer * interval '1 day')
       ORDER BY closed_at LIMIT $2 FOR UPDATE SKIP LOCKED)
    RETURNING reference`,
  referrals: `
    DELETE FROM referrals WHERE id IN (
      SELECT r.id FROM referrals r
       WHERE r.status = ANY($3::text[])
         AND greatest(r.updated_at, (SELECT max(h.at) FROM referral_status_history h WHERE h.referral_id = r.id))
             < now() - ($1::integer * interval '1 day')
       ORDER BY r.created_at LIMIT $2 FOR UPDATE OF r SKIP LOCKED)
    RETURNING reference`,
  signups: `
    DELETE FROM volunteer_signups WHERE id IN (
      SELECT s.id FROM volunteer_signups s
       WHERE greatest(s.created_at, (
               SELECT max(sh.ends_at) FROM volunteer_bookings b JOIN volunteer_shifts sh ON sh.id = b.shift_id
                WHERE b.signup_id = s.id))
             < now() - ($1::integer * interval '1 day')
       ORDER BY s.created_at LIMIT $2 FOR UPDATE OF s SKIP LOCKED)
    RETURNING reference`,
} as const;

/** The outbox messages about these records, and stored idempotent answers naming them (a 201 holds a token). */
async function deleteTraces(tx: Queryable, references: readonly string[]): Promise<void> {
  if (references.length === 0) return;
  await tx.query('DELETE FROM mail_outbox WHERE about = ANY($1::text[])', [references]);
  // References are letters, digits and hyphens: nothing LIKE would read as a wildcard.
  await tx.query('DELETE FROM idempotency_keys WHERE response_body LIKE ANY($1::text[])', [references.map((r) => `%"${r}"%`)]);
}

async function deleteExpired(db: Database, kind: keyof typeof DELETE_EXPIRED, days: number): Promise<number> {
  if (days <= 0) return 0;
  const params = kind === 'referrals' ? [days, BATCH, FINAL_REFERRAL_STATUSES] : [days, BATCH];
  let deleted = 0;
  for (;;) {
    const references = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ reference: string }>(DELETE_EXPIRED[kind], params);
      const refs = rows.map((r) => r.reference);
      await deleteTraces(tx, refs);
      return refs;
    });
    deleted += references.length;
    if (references.length < BATCH) return deleted;
  }
}

/** Deletes what has been kept long enough; see the module comment. */
export async function deleteExpiredRecords(db: Database, settings: RetentionSettings): Promise<RetentionReport> {
  return {
    intakeRequests: await deleteExpired(db, 'intakeRequests', settings.retentionDays),
    referrals: await deleteExpired(db, 'referrals', settings.retentionDays),
    signups: await deleteExpired(db, 'signups', settings.signupRetentionDays),
    idempotencyKeys: await purgeExpiredIdempotencyKeys(db, settings.idempotencyTtlMs),
  };
}
