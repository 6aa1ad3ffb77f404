/**
 * One submission of a form: its Idempotency-Key lives as long as the answers stay the same, so every retry and
 * every "Try again" after a failure reuses it, while changed answers get a fresh key (the server would refuse the
 * old key with a different body).
 */
import { uuid } from './uuid.ts';

export class Submission {
  private current = uuid();
  private body?: string;

  /** The key for this body. */
  keyFor(body: unknown): string {
    const serialised = JSON.stringify(body);
    if (this.body !== undefined && this.body !== serialised) this.current = uuid();
    this.body = serialised;
    return this.current;
  }

  /** Forget it after a success, or when the form is wiped. */
  reset() {
    this.current = uuid();
    this.body = undefined;
  }
}
