/** Signup and booking statuses and the signup's rules across answers, without zod: the form's first load. */
import { AGE_BAND_FROM, type AgeBand } from './people-values.ts';

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'awaiting-guardian'] as const;
export const BOOKING_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;

/** A field error found by a rule across answers (the same in browser and server). */
export interface SignupIssue {
  path: (string | number)[];
  code: 'required' | 'underConsentAge' | 'tooYoung';
  params?: Record<string, string | number>;
}

/**
 * Rules across answers that a schema alone cannot say: under 15 cannot sign up; a minor gives a guardian's
 * name and email; the role's minimum age. `minAge` is the opportunity's, when known.
 */
export function signupIssues(body: { ageBand: AgeBand; guardian?: unknown }, minAge?: number): SignupIssue[] {
  const issues: SignupIssue[] = [];
  if (body.ageBand === 'under-15') return [{ path: ['ageBand'], code: 'underConsentAge' }];
  if (minAge !== undefined && AGE_BAND_FROM[body.ageBand] < minAge) issues.push({ path: ['ageBand'], code: 'tooYoung', params: { min: minAge } });
  if (body.ageBand === '15-17' && !body.guardian) {
    issues.push({ path: ['guardian', 'name'], code: 'required' }, { path: ['guardian', 'email'], code: 'required' });
  }
  return issues;
}
