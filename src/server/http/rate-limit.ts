/** In-memory fixed-window counters per client; enough for one server (each server of a cluster counts its own). */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { problem } from './problem.ts';

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(readonly limit: number, readonly windowMs: number) {}

  /** Seconds until `key` may try again, or 0 when it is under the limit. Does not count. */
  blockedFor(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs || w.count < this.limit) return 0;
    return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
  }

  /** Counts one event for `key`; returns the seconds to wait when this event is over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    this.sweep(now);
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count > this.limit ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 0;
  }

  reset(key: string) {
    this.windows.delete(key);
  }

  private sweep(now: number) {
    if (this.windows.size < 10_000) return;
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isStateChanging = (method: string) => STATE_CHANGING.has(method);

export const tooManyRequests = (c: Parameters<MiddlewareHandler>[0], retryAfter: number) =>
  problem(c, 429, 'rateLimited', {
    detail: `Try again in ${retryAfter} seconds.`,
    headers: { 'Retry-After': String(retryAfter) },
    extra: { retryAfter },
  });

/** Limits state-changing requests to `perMinute` per client address; 0 turns it off. */
export function rateLimit(perMinute: number): MiddlewareHandler<AppEnv> {
  if (perMinute <= 0) return (_c, next) => next();
  const limiter = new FixedWindowLimiter(perMinute, 60_000);
  return async (c, next) => {
    if (!isStateChanging(c.req.method)) return next();
    const wait = limiter.hit(c.get('clientIp'));
    if (wait > 0) return tooManyRequests(c, wait);
    return next();
  };
}
