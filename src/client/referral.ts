/** The referral part of the contract: options, the referral, and the school's status check. */
import type { ReferralRequest } from '../contract/referral.ts';

import type { ApiClient, RequestOptions, SendOptions } from './api-client.ts';

/** The schemas, with zod, fetched beside the first request. */
const contract = () => import('../contract/referral.ts');

export class ReferralClient {
  constructor(readonly api: ApiClient) {}

  options(options: RequestOptions = {}) {
    return this.api.get('/referrals/options', contract().then((c) => c.ReferralOptions), options);
  }

  /** Send with the `Idempotency-Key` of a `Submission`: a retry never refers the pupil twice. */
  submit(body: ReferralRequest, options: SendOptions) {
    return this.api.send('POST', '/referrals', body, contract().then((c) => c.ReferralCreated), options);
  }

  /** The status history; the code travels in a header, never in the URL. */
  status(reference: string, code: string, options: RequestOptions = {}) {
    return this.api.get(`/referrals/${encodeURIComponent(reference)}/status`, contract().then((c) => c.ReferralStatusView), {
      ...options, headers: { ...options.headers, Authorization: `Bearer ${code.trim().toUpperCase()}` },
    });
  }
}
