/** The app's last line: known problems become their problem details; anything else is logged and answered 500. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import { errorFields, type Logger } from '../log.ts';
import type { AppEnv } from './env.ts';
import { problem, ProblemError } from './problem.ts';

export function errorHandler(log: Logger) {
  return (err: Error, c: Context<AppEnv>) => {
    if (err instanceof ProblemError) return problem(c, err.status, err.kind, err.init);
    if (err instanceof HTTPException && err.status < 500) return problem(c, err.status, 'validation', { detail: err.message });
    log.error('unhandled error', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: matchedRoutes(c).findLast((r) => r.method !== 'ALL')?.path ?? null,
      ...errorFields(err),
    });
    return problem(c, 500, 'internal', { detail: 'The error was logged. Try again in a few minutes.' });
  };
}
