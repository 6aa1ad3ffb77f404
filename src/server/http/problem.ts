/** RFC 9457 problem details (`application/problem+json`), the only error format of the API. */
import type { Context } from 'hono';
import { PROBLEM_TYPES, type FieldError, type Problem } from '../../contract/common.ts';

export type ProblemKind = keyof typeof PROBLEM_TYPES;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<ProblemKind, string> = {
  validation: 'Some fields need correcting',
  notFound: 'Not found',
  methodNotAllowed: 'Method not allowed',
  unsupportedMediaType: 'The body must be application/json',
  payloadTooLarge: 'The request body is too large',
  rateLimited: 'Too many requests',
  idempotencyConflict: 'A request with this Idempotency-Key is still being processed',
  idempotencyMismatch: 'This Idempotency-Key was used with a different request',
  idempotencyKeyMissing: 'A valid Idempotency-Key header is required',
  tooFast: 'The form was sent too quickly',
  unauthorized: 'Missing or wrong token',
  forbiddenOrigin: 'This origin may not call the API',
  conflict: 'The request conflicts with the current state',
  internal: 'Something went wrong on our side',
  unavailable: 'The service is briefly unavailable',
};

export interface ProblemInit {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extension members, e.g. `retryAfter`. */
  extra?: Record<string, unknown>;
}

export function problemBody(status: number, kind: ProblemKind, init: ProblemInit = {}, requestId?: string): Problem {
  return {
    type: PROBLEM_TYPES[kind],
    title: TITLES[kind],
    status,
    ...(init.detail ? { detail: init.detail } : {}),
    ...(requestId ? { instance: `urn:kentro:request:${requestId}` } : {}),
    ...(init.errors ? { errors: init.errors } : {}),
    ...init.extra,
  };
}

/** A problem response for `c`. */
export function problem(c: Context, status: number, kind: ProblemKind, init: ProblemInit = {}): Response {
  const requestId = c.get('requestId') as string | undefined;
  return new Response(JSON.stringify(problemBody(status, kind, init, requestId)), {
    status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...init.headers },
  });
}

/** Thrown anywhere in a handler to answer with a problem (the app's `onError` renders it; nothing is logged as a failure). */
export class ProblemError extends Error {
  constructor(readonly status: number, readonly kind: ProblemKind, readonly init: ProblemInit = {}) {
    super(init.detail ?? TITLES[kind]);
    this.name = 'ProblemError';
  }
}

/**
 * A problem as the result of an idempotent handler: stored and replayed like any other answer (a 4xx decided by
 * the domain, e.g. "this shift is full"). Throw `ProblemError` instead to answer without storing anything.
 */
export function problemResult(status: number, kind: ProblemKind, init: Omit<ProblemInit, 'headers'> = {}) {
  return { status, body: problemBody(status, kind, init), headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } };
}
