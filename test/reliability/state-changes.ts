/**
 * One valid request for every state-changing operation of the contract (so a new one cannot be forgotten: the
 * access suite fails until it is listed here), and a fingerprint of every table such a request could write, to
 * prove that a refused request changed nothing.
 */
import { randomUUID } from 'node:crypto';
import { routes } from '../../src/contract/routes.ts';
import type { Queryable } from '../../src/server/db/types.ts';
import { TEST_ADMIN_TOKEN } from '../support/server.ts';
import { intakeBody } from '../support/intake.ts';
import { referralBody } from '../support/referral.ts';
import { signupBody } from '../support/volunteering.ts';
import type { Records } from './records.ts';

export interface StateChange {
  operationId: string;
  method: string;
  /** Path and query, encoded. */
  target: string;
  headers: Record<string, string>;
  /** The JSON body, when the operation takes one. */
  body?: unknown;
}

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

const BUILDERS: Record<string, (r: Records) => Omit<StateChange, 'operationId'>> = {
  createVolunteerSignup: (r) => ({
    method: 'POST', target: '/api/volunteering/signups', headers: { 'Idempotency-Key': randomUUID() }, body: signupBody(r.opportunityId, [r.shiftIds[0]!]),
  }),
  cancelVolunteerSignup: (r) => ({
    method: 'DELETE', target: `/api/volunteering/signups/${r.adult.manageToken}?shiftId=${r.adult.shiftIds[0]}`, headers: {},
  }),
  decideGuardianRequest: (r) => ({ method: 'POST', target: `/api/volunteering/guardian/${r.minor.guardianToken}`, headers: {}, body: { decision: 'decline' } }),
  createIntakeRequest: () => ({ method: 'POST', target: '/api/intake/requests', headers: { 'Idempotency-Key': randomUUID() }, body: intakeBody() }),
  updateIntakeRequest: (r) => ({
    method: 'PATCH', target: `/api/admin/intake/requests/${encodeURIComponent(r.intakeReference)}`, headers: admin, body: { status: 'closed' },
  }),
  createReferral: () => ({ method: 'POST', target: '/api/referrals', headers: { 'Idempotency-Key': randomUUID() }, body: referralBody() }),
  updateReferral: (r) => ({
    method: 'PATCH', target: `/api/admin/referrals/${encodeURIComponent(r.referrals[0]!.reference)}`, headers: admin, body: { status: 'rejected', note: 'Δεν πληροί τα κριτήρια.' },
  }),
};

/** Every non-GET operation of the contract, as a valid request; throws when one has no builder yet. */
export function stateChanges(r: Records): StateChange[] {
  return routes
    .filter((route) => route.method !== 'get')
    .map((route) => {
      const build = BUILDERS[route.operationId];
      if (!build) throw new Error(`No request for ${route.operationId} in test/reliability/state-changes.ts: add one`);
      return { operationId: route.operationId, ...build(r) };
    });
}

const TABLES = ['intake_requests', 'referrals', 'referral_status_history', 'volunteer_signups', 'volunteer_bookings', 'volunteer_shifts', 'mail_outbox', 'idempotency_keys'];

/** Row count and a hash of the contents of each table a state change could write. */
export async function fingerprint(db: Queryable): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await db.query<{ n: number; h: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    out[table] = `${rows[0]!.n} ${rows[0]!.h}`;
  }
  return out;
}
