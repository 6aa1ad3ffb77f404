/**
 * First middleware of every request: gives it an id and logs one line when it ends, with the matched route
 * pattern (`/api/volunteering/signups/:token`, never the actual path, which may hold a token, nor the query), and
 * counts it in the metrics by the same pattern.
 */
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../log.ts';
import type { Metrics } from '../system/metrics.ts';
import { clientInfo, type TrustedProxies } from './client-ip.ts';
import type { AppEnv } from './env.ts';

export function requestLog(log: Logger, proxies: TrustedProxies, metrics?: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = crypto.randomUUID();
    c.set('requestId', requestId);
    const client = clientInfo(c, proxies);
    c.set('clientIp', client.ip);
    c.set('https', client.https);
    await next();
    // On the response's own headers: see ./security-headers.ts for why not `c.header()`.
    c.res.headers.set('X-Request-Id', requestId);
    const handler = matchedRoutes(c).findLast((r) => r.method !== 'ALL');
    const status = c.res.status;
    const fields = {
      requestId,
      method: c.req.method,
      route: handler?.path ?? null,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    metrics?.observe(fields.method, fields.route ?? 'unmatched', status, fields.durationMs / 1000);
    if (status >= 500) log.error('request', fields);
    else log.info('request', fields);
  };
}
