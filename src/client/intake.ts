/** The intake part of the contract: what the form offers, and the request. */
import type { IntakeRequest } from '../contract/intake.ts';

import type { ApiClient, RequestOptions, SendOptions } from './api-client.ts';

/** The schemas, with zod, fetched beside the first request. */
const contract = () => import('../contract/intake.ts');

export class IntakeClient {
  constructor(readonly api: ApiClient) {}

  options(options: RequestOptions = {}) {
    return this.api.get('/intake/options', contract().then((c) => c.IntakeOptions), options);
  }

  /** The directory programme a person came from: its name and the needs it meets. */
  service(id: string, options: RequestOptions = {}) {
    return this.api.get(`/hsds/services/${encodeURIComponent(id)}`, contract().then((c) => c.IntakeServiceSummary), options);
  }

  /** Send with the `Idempotency-Key` of a `Submission`: a retry never makes a second request. */
  submit(body: IntakeRequest, options: SendOptions) {
    return this.api.send('POST', '/intake/requests', body, contract().then((c) => c.IntakeCreated), options);
  }
}
