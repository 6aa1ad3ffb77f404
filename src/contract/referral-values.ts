/** The referral's choices, statuses and rules across answers, without zod: the form's first load. */

export const REFERRER_ROLES = ['teacher', 'counsellor', 'head', 'other'] as const;
export const RESPONSIBILITY = ['both-parents', 'mother', 'father', 'guardian', 'other'] as const;
export const PERFORMANCE = ['stable', 'declining', 'failing'] as const;
export const URGENCY = ['routine', 'soon', 'urgent'] as const;

/** A status code as people type it: four groups of four Crockford base32 letters or digits (80 bits). */
export const STATUS_CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/i;

export const REFERRAL_STATUSES = ['requested', 'accepted', 'rejected', 'on-hold', 'in-progress', 'completed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The valid next statuses of each status (staff may change only along these). */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  requested: ['accepted', 'rejected', 'on-hold', 'cancelled'],
  'on-hold': ['accepted', 'rejected', 'in-progress', 'cancelled'],
  accepted: ['in-progress', 'on-hold', 'cancelled'],
  'in-progress': ['completed', 'on-hold', 'cancelled'],
  rejected: [],
  completed: [],
  cancelled: [],
};

export const canMoveTo = (from: ReferralStatus, to: ReferralStatus) => REFERRAL_TRANSITIONS[from].includes(to);

/** How persistent the absence is: 10 % or more is persistent, 50 % or more severe. */
export const absenceLevel = (percent: number): 'none' | 'persistent' | 'severe' =>
  percent >= 50 ? 'severe' : percent >= 10 ? 'persistent' : 'none';

export interface ReferralIssue { path: (string | number)[]; code: 'required' }

/**
 * Rules across answers: a date of birth or an age; a guardian's phone or email; a reason when the guardian has not
 * agreed; a reason for an urgent or soon referral. (An immediate risk is not an error: the form stops and says
 * whom to call; the server refuses such a body outright.)
 */
export function referralIssues(body: {
  pupil?: { birthDate?: string; age?: number | string };
  guardian?: { phone?: string; email?: string };
  consent?: { guardianAgrees?: string; reason?: string };
  support?: { urgency?: string; urgencyReason?: string };
}): ReferralIssue[] {
  const issues: ReferralIssue[] = [];
  if (body.pupil && !body.pupil.birthDate && (body.pupil.age === undefined || body.pupil.age === '')) issues.push({ path: ['pupil', 'birthDate'], code: 'required' });
  if (body.guardian && !body.guardian.phone && !body.guardian.email) issues.push({ path: ['guardian', 'phone'], code: 'required' });
  if (body.consent?.guardianAgrees === 'no' && !body.consent.reason?.trim()) issues.push({ path: ['consent', 'reason'], code: 'required' });
  if (body.support?.urgency && body.support.urgency !== 'routine' && !body.support.urgencyReason?.trim()) issues.push({ path: ['support', 'urgencyReason'], code: 'required' });
  return issues;
}
