/**
 * Staff move a referral to its next status (`PATCH /admin/referrals/{reference}`, and the browser tests' backend
 * through the same function): only along the contract's REFERRAL_TRANSITIONS, a rejection only with a note saying
 * why, each change appended to the history and emailed to the referrer, all in one transaction that holds the
 * referral's row lock, so two changes at once cannot both start from the same status.
 */
import * as z from 'zod/mini';
import { REFERRAL_TRANSITIONS, type ReferralStatusChange, type ReferralStatusView } from '../../contract/referral.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/types.ts';
import { describeFieldError } from '../http/describe.ts';
import { ProblemError } from '../http/problem.ts';
import { queueReferralMail } from './messages.ts';
import { findReferral, statusView } from './records.ts';

export type StatusChange = z.output<typeof ReferralStatusChange>;

export async function changeReferralStatus(
  db: Database, config: Pick<Config, 'timeZone'>, reference: string, change: StatusChange,
): Promise<ReferralStatusView> {
  const note = change.note ? change.note : undefined;
  if (change.status === 'rejected' && !note) {
    throw new ProblemError(400, 'validation', {
      detail: 'A rejection needs a note telling the school why.',
      errors: [{ path: ['note'], code: 'required', message: describeFieldError('required') }],
    });
  }
  return db.transaction(async (tx) => {
    const referral = await findReferral(tx, reference, true);
    if (!referral) throw new ProblemError(404, 'notFound', { detail: 'No referral with this reference.' });
    const allowed = REFERRAL_TRANSITIONS[referral.status];
    if (!allowed.includes(change.status)) {
      throw new ProblemError(409, 'conflict', {
        detail: allowed.length
          ? `A referral that is ${referral.status} can move only to: ${allowed.join(', ')}.`
          : `A referral that is ${referral.status} cannot change status any more.`,
        extra: { current: referral.status, allowed },
      });
    }
    await tx.query('UPDATE referrals SET status = $2, updated_at = now() WHERE id = $1', [referral.id, change.status]);
    await tx.query('INSERT INTO referral_status_history (referral_id, status, note) VALUES ($1, $2, $3)', [referral.id, change.status, note ?? null]);
    await queueReferralMail(tx, referral, 'status-changed', { status: change.status, ...(note ? { note } : {}) });
    return statusView(tx, { ...referral, status: change.status }, config.timeZone);
  });
}
