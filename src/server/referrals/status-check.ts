/**
 * The school's status check (`GET /referrals/{reference}/status`, `Authorization: Bearer <status code>`). No code
 * sent: 401. A wrong code and an unknown reference get the same 404, and take the same path (a hash compared in
 * constant time either way), so neither the answer nor its timing tells whether a reference exists.
 *
 * Guessing is limited per client as staff logins are (../http/admin-auth.ts): after too many failures in the
 * window every check answers 429 until it ends, on every server (counted in the database). Unlike staff logins, a success does not clear the count: a school
 * holding one valid code could otherwise interleave it with guesses at other referrals' codes.
 */
import type { Context } from 'hono';
import type { ReferralStatusView } from '../../contract/referral.ts';
import type { Database } from '../db/types.ts';
import type { AppEnv } from '../http/env.ts';
import { ProblemError } from '../http/problem.ts';
import type { Limits } from '../http/limiter.ts';
import { tooManyRequests } from '../http/rate-limit.ts';
import { findReferral, statusView } from './records.ts';
import { statusCodeMatches } from './status-code.ts';

const FAILURE_WINDOW_MS = 15 * 60_000;

const notFound = () => new ProblemError(404, 'notFound', { detail: 'No referral with this reference and status code.' });

export function statusChecker(db: Database, limits: Limits, timeZone: string, failuresPerWindow: number) {
  const failures = limits.limiter('referral-status-failure', failuresPerWindow, FAILURE_WINDOW_MS);
  return async (c: Context<AppEnv>, reference: string): Promise<Response> => {
    const ip = c.get('clientIp');
    const blocked = await failures.blockedFor(ip);
    if (blocked > 0) return tooManyRequests(c, blocked);
    const match = /^Bearer\s+(.+?)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match) {
      throw new ProblemError(401, 'unauthorized', {
        detail: 'Send the status code you were given in an Authorization: Bearer header.',
        headers: { 'WWW-Authenticate': 'Bearer realm="kentro-referral-status"' },
      });
    }
    const referral = await findReferral(db, reference);
    if (!statusCodeMatches(match[1]!, referral?.status_token_hash)) {
      await failures.hit(ip);
      throw notFound();
    }
    const view: ReferralStatusView = await statusView(db, referral!, timeZone);
    return c.json(view);
  };
}
