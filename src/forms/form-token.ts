/**
 * The signed time a form was first shown (`GET /form-token`), posted back as `renderedAt` so the backend can refuse
 * bodies sent faster than a person could type them. Fetched once, on first need; a failure to fetch is not the
 * person's problem: the submission then goes without it and the backend decides.
 */
import type { ApiClient } from '../client/api-client.ts';
import { getFormToken } from '../client/system.ts';

export class FormToken {
  private token?: string;

  async get(api: ApiClient | undefined): Promise<string | undefined> {
    if (!this.token && api) this.token = await getFormToken(api).catch(() => undefined);
    return this.token;
  }

  /** A new form starts: the next `get` asks again. */
  reset() {
    this.token = undefined;
  }
}
