/**
 * Typed failures a widget can render. `kind` is also the translation key under `client.*`, so
 * `localize.term(\`client.${error.kind}\`)` gives the person a message that says what happens to their answers.
 */
import type { FieldError, Problem } from '../contract/common.ts';

export type ApiErrorKind =
  | 'offline' | 'timeout' | 'server' | 'rateLimited' | 'badResponse' | 'notFound' | 'unauthorized'
  | 'conflict' | 'invalid';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** HTTP status, when the server answered. */
    readonly status?: number,
    /** The RFC 9457 body, when the server sent one. */
    readonly problem?: Problem,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** How long the server asked us to wait (`Retry-After`), in ms. */
  readonly retryAfterMs?: number;

  /** Field errors from a problem's `errors[]`, ready to merge into a form's error map. */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  /** Worth another attempt with the same Idempotency-Key. */
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rateLimited' || this.kind === 'conflict';
  }
}

/** The kind of error for an HTTP status. */
export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'server';
  return 'invalid';
}

export const isAbort = (error: unknown, signal?: AbortSignal) =>
  signal?.aborted === true && (error === signal.reason || (error instanceof DOMException && error.name === 'AbortError'));
