/**
 * School-dropout referrals: what the form offers, the referral (idempotent), the school's status check with the
 * code it was given (no pupil data), and the staff's listing, export and status changes along valid transitions.
 */
import * as z from 'zod/mini';
import { Problem, Reference } from './common.ts';
import {
  AdminReferralList, AdminReferralsQuery, ReferralCreated, ReferralOptions, ReferralRequest, ReferralStatusChange,
  ReferralStatusView,
} from './referral.ts';
import { defineRoute } from './route.ts';

const tags = ['referrals'] as const;
const describe = <T extends z.ZodMiniType>(schema: T, description: string) => schema.check(z.describe(description));
const problem = (description: string) => ({ description, contentType: 'application/problem+json', schema: Problem }) as const;
const ReferenceParams = z.object({ reference: describe(Reference, 'The referral\'s reference number, e.g. `ΣΔ-2026-000012`.') });

export const referralRoutes = [
  defineRoute({
    method: 'get', path: '/referrals/options', operationId: 'getReferralOptions', tags,
    summary: 'What the referral form offers: the centre\'s programmes a school can ask for, and the emergency numbers',
    responses: { 200: { description: 'The options.', schema: ReferralOptions } },
  }),
  defineRoute({
    method: 'post', path: '/referrals', operationId: 'createReferral', tags, body: ReferralRequest, idempotent: true,
    summary: 'Refer a pupil; answers the reference and a status code (shown once, stored hashed). A body saying the child is in immediate danger is refused',
    responses: { 201: { description: 'Stored; the referrer is emailed a confirmation.', schema: ReferralCreated } },
  }),
  defineRoute({
    method: 'get', path: '/referrals/{reference}/status', operationId: 'getReferralStatus', tags, params: ReferenceParams,
    summary: 'The status history for the school (`Authorization: Bearer <status code>`), with no pupil or guardian data',
    responses: {
      200: { description: 'The status and its history.', schema: ReferralStatusView },
      401: problem('No status code sent.'),
      404: problem('No referral with this reference and code (the same answer for either being wrong).'),
    },
  }),
  defineRoute({
    method: 'get', path: '/admin/referrals', operationId: 'listReferrals', tags: ['admin', ...tags], query: AdminReferralsQuery, admin: true,
    summary: 'Staff: referrals, newest first, as JSON or CSV (`format=csv`, safe against formula injection)',
    responses: { 200: { description: 'The referrals.', schema: AdminReferralList } },
  }),
  defineRoute({
    method: 'patch', path: '/admin/referrals/{reference}', operationId: 'updateReferral', tags: ['admin', ...tags],
    params: ReferenceParams, body: ReferralStatusChange, admin: true,
    summary: 'Staff: change the status along a valid transition, with a note for the school (required for a rejection); the referrer is emailed',
    responses: {
      200: { description: 'The status after the change.', schema: ReferralStatusView },
      404: problem('No such referral.'),
      409: problem('Not a valid transition from the current status.'),
    },
  }),
] as const;
