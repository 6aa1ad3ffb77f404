/**
 * Staff-only routes (`/api/admin/*`) need `Authorization: Bearer <token>`. A client that fails too often is
 * blocked with 429 for the rest of the window, even if it then presents the right token; failures are counted in
 * the database (./limiter.ts), so the lockout holds across servers and restarts.
 */
import type { MiddlewareHandler } from 'hono';
import { isAdminToken } from '../admin-token.ts';
import type { Queryable } from '../db/types.ts';
import type { AppEnv } from './env.ts';
import { problem } from './problem.ts';
import type { Limits } from './limiter.ts';
import { tooManyRequests } from './rate-limit.ts';

const FAILURE_WINDOW_MS = 15 * 60_000;

export function adminAuth(db: Queryable, limits: Limits, failuresPerWindow: number): MiddlewareHandler<AppEnv> {
  const failures = limits.limiter('admin-failure', failuresPerWindow, FAILURE_WINDOW_MS);
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const ip = c.get('clientIp');
    const blocked = await failures.blockedFor(ip);
    if (blocked > 0) return tooManyRequests(c, blocked);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (match && (await isAdminToken(db, match[1]!))) {
      await failures.reset(ip);
      return next();
    }
    await failures.hit(ip);
    return problem(c, 401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer realm="kentro-admin"' } });
  };
}
