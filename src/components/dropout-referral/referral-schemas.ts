/**
 * The referral's page schemas and the status check's, from the contract: with zod, so they load as a chunk of
 * their own while the first page shows.
 */
import * as z from 'zod/mini';
import { Consent, GuardianContact, Indicators, Pupil, Referrer, STATUS_CODE, Support } from '../../contract/referral.ts';
import type { QuestionStep } from './referral-flow.ts';

export const STEP_SCHEMAS: Record<QuestionStep, z.ZodMiniType> = {
  referrer: Referrer, pupil: Pupil, guardian: GuardianContact, consent: Consent, indicators: Indicators, support: Support,
};

/** "Check a referral": a reference (any case) and a status code. */
export const StatusQuery = z.object({
  reference: z.string().check(z.trim(), z.minLength(1, 'required'), z.regex(/^[A-ZΑ-Ω]{2,3}-\d{4}-\d{6}$/iu, 'format')),
  code: z.string().check(z.trim(), z.minLength(1, 'required'), z.regex(STATUS_CODE, 'format')),
});
