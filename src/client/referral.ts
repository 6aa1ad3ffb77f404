/** The referral part of the contract: options, the referral, and the school's status check. */
import { ReferralCreated, ReferralOptions, ReferralStatusView, type ReferralRequest } from '../contract/referral.ts';
import type { ApiClient, RequestOptions, SendOptions } from './api-client.ts';

export class ReferralClient {
  constructor(readonly api: ApiClient) {}

  options(options: RequestOptions = {}) {
    return this.api.get('/referrals/options', ReferralOptions, options);
  }

  /** Send with the `Idempotency-Key` of a `Submission`: a retry never refers the pupil twice. */
  submit(body: ReferralRequest, options: SendOptions) {
    return this.api.send('POST', '/referrals', body, ReferralCreated, options);
  }

  /** The status history; the code travels in a header, never in the URL. */
  status(reference: string, code: string, options: RequestOptions = {}) {
    return this.api.get(`/referrals/${encodeURIComponent(reference)}/status`, ReferralStatusView, {
      ...options, headers: { ...options.headers, Authorization: `Bearer ${code.trim().toUpperCase()}` },
    });
  }
}
