/** The public limit on state-changing requests per client and minute, counted in the database (./limiter.ts). */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import type { Limits } from './limiter.ts';
import { problem } from './problem.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isStateChanging = (method: string) => STATE_CHANGING.has(method);

export const tooManyRequests = (c: Parameters<MiddlewareHandler>[0], retryAfter: number) =>
  problem(c, 429, 'rateLimited', {
    detail: `Try again in ${retryAfter} seconds.`,
    headers: { 'Retry-After': String(retryAfter) },
    extra: { retryAfter },
  });

/** Limits state-changing requests to `perMinute` per client address, across every server; 0 turns it off. */
export function rateLimit(limits: Limits, perMinute: number): MiddlewareHandler<AppEnv> {
  if (perMinute <= 0) return (_c, next) => next();
  const limiter = limits.limiter('post', perMinute, 60_000);
  return async (c, next) => {
    if (!isStateChanging(c.req.method)) return next();
    const wait = await limiter.hit(c.get('clientIp'));
    if (wait > 0) return tooManyRequests(c, wait);
    return next();
  };
}
