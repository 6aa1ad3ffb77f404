/** English names of a referral's statuses: the status check on screen and the referrer's emails say the same. */
import type { ReferralStatus } from '../referral-values.ts';

export default {
  requested: 'Requested', accepted: 'Accepted', rejected: 'Not accepted', 'on-hold': 'On hold',
  'in-progress': 'In progress', completed: 'Completed', cancelled: 'Cancelled',
} satisfies Record<ReferralStatus, string>;
