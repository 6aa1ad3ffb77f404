/** Greek names of a referral's statuses: the status check on screen and the referrer's emails say the same. */
import type { ReferralStatus } from '../referral-values.ts';

export default {
  requested: 'Υποβλήθηκε', accepted: 'Έγινε δεκτή', rejected: 'Δεν έγινε δεκτή', 'on-hold': 'Σε αναμονή',
  'in-progress': 'Σε εξέλιξη', completed: 'Ολοκληρώθηκε', cancelled: 'Ακυρώθηκε',
} satisfies Record<ReferralStatus, string>;
