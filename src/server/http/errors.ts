/**
 * The app's last line: known problems become their problem details; the database being away (a restart, a dropped
 * connection, a timeout) is 503 with `Retry-After`, so clients retry with the same Idempotency-Key; anything else is
 * logged and answered 500.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { errorFields, type Logger } from '../log.ts';
import type { AppEnv } from './env.ts';
import { problem, ProblemError } from './problem.ts';

export function errorHandler(log: Logger) {
  return (err: Error, c: Context<AppEnv>) => {
    if (err instanceof ProblemError) return problem(c, err.status, err.kind, err.init);
    if (err instanceof HTTPException && err.status < 500) return problem(c, err.status, 'validation', { detail: err.message });
    if (isDatabaseUnavailable(err)) {
      log.warn('database unavailable', { requestId: c.get('requestId'), method: c.req.method, ...errorFields(err) });
      return databaseUnavailable(c);
    }
    log.error('unhandled error', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: matchedRoutes(c).findLast((r) => r.method !== 'ALL')?.path ?? null,
      ...errorFields(err),
    });
    return problem(c, 500, 'internal', { detail: 'The error was logged. Try again in a few minutes.' });
  };
}

/** Seconds a client is asked to wait while the database is away. */
export const UNAVAILABLE_RETRY_AFTER = 5;

export const databaseUnavailable = (c: Context) => problem(c, 503, 'unavailable', {
  detail: 'The database is not answering. Try again in a few seconds, with the same Idempotency-Key for a submission.',
  headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER) },
  extra: { retryAfter: UNAVAILABLE_RETRY_AFTER },
});
