/** Roles, responsibilities, performance, urgency and statuses in words. */
import type { ReferralStatus, PERFORMANCE, REFERRER_ROLES, RESPONSIBILITY, URGENCY } from '../../contract/referral.ts';
import type { LocalizeController } from '../../core/localize.ts';
import type { TranslationKey } from '../../core/translations/translation.ts';

export const ROLE_KEYS = {
  teacher: 'referral.roleTeacher', counsellor: 'referral.roleCounsellor', head: 'referral.roleHead', other: 'referral.roleOther',
} as const satisfies Record<(typeof REFERRER_ROLES)[number], TranslationKey>;

export const RESPONSIBILITY_KEYS = {
  'both-parents': 'referral.respBoth', mother: 'referral.respMother', father: 'referral.respFather',
  guardian: 'referral.respGuardian', other: 'referral.respOther',
} as const satisfies Record<(typeof RESPONSIBILITY)[number], TranslationKey>;

export const PERFORMANCE_KEYS = {
  stable: 'referral.perfStable', declining: 'referral.perfDeclining', failing: 'referral.perfFailing',
} as const satisfies Record<(typeof PERFORMANCE)[number], TranslationKey>;

export const URGENCY_KEYS = {
  routine: 'referral.urgRoutine', soon: 'referral.urgSoon', urgent: 'referral.urgUrgent',
} as const satisfies Record<(typeof URGENCY)[number], TranslationKey>;

const STATUS_KEYS = {
  requested: 'referral.stRequested', accepted: 'referral.stAccepted', rejected: 'referral.stRejected', 'on-hold': 'referral.stOnHold',
  'in-progress': 'referral.stInProgress', completed: 'referral.stCompleted', cancelled: 'referral.stCancelled',
} as const satisfies Record<ReferralStatus, TranslationKey>;

export const statusText = (l: LocalizeController, s: ReferralStatus) => l.term(STATUS_KEYS[s]);

/** Options for a radios field from a key table. */
export const choices = <K extends string>(l: LocalizeController, keys: Record<K, TranslationKey>) =>
  (Object.keys(keys) as K[]).map((value) => ({ value, label: l.term(keys[value]) }));

/** A phone number as a `tel:` link target. */
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;
