/** Arabic names of a referral's statuses: the status check on screen and the referrer's emails say the same. */
import type { ReferralStatus } from '../referral-values.ts';

export default {
  requested: 'مقدَّمة', accepted: 'مقبولة', rejected: 'غير مقبولة', 'on-hold': 'معلّقة',
  'in-progress': 'قيد التنفيذ', completed: 'مكتملة', cancelled: 'ملغاة',
} satisfies Record<ReferralStatus, string>;
