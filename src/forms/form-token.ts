/**
 * The signed time a form was first shown (`GET /form-token`), posted back as `renderedAt` so the backend can refuse
 * bodies sent faster than a person could type them. Fetched once, on first need; a failure to fetch is not the
 * person's problem: the submission then goes without it and the backend decides.
 *
 * A submission keeps the value it was first sent with until the server has settled it (stored, or refused for good):
 * a resend after a lost answer must be the same request, with the same body and so the same Idempotency-Key, even
 * when the token could not be fetched the first time and can now.
 */
import type { ApiClient } from '../client/api-client.ts';
import type { ApiError } from '../client/errors.ts';
import { getFormToken } from '../client/system.ts';

export class FormToken {
  private token?: string;
  private sent?: { value: string | undefined };

  async get(api: ApiClient | undefined): Promise<string | undefined> {
    if (!this.token && api) this.token = await getFormToken(api).catch(() => undefined);
    return this.token;
  }

  /** The value to send: the one this submission was first sent with, if its outcome is still unknown. */
  async forSend(api: ApiClient | undefined): Promise<string | undefined> {
    this.sent ??= { value: await this.get(api) };
    return this.sent.value;
  }

  /**
   * After a send: the next one may carry a fresh value unless this one's outcome is unknown (no answer, a 5xx, or
   * 409 while the first attempt is still running), when it may have been stored.
   */
  afterSend(failure: ApiError | undefined) {
    const unknown = failure !== undefined && (failure.status === undefined || failure.status >= 500 || failure.status === 409);
    if (!unknown) this.sent = undefined;
  }

  /** A new form starts: the next `get` asks again. */
  reset() {
    this.token = undefined;
    this.sent = undefined;
  }
}
