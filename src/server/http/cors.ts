/**
 * CORS for `/api`: the council lists the origins allowed to embed the widgets (plus the server's own origin);
 * any other `Origin` is refused with 403 before anything runs. Requests without `Origin` (same-origin GETs,
 * curl, server-to-server) pass: CORS guards browsers, and browsers always send `Origin` cross-origin.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { problem } from './problem.ts';

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Content-Type, Idempotency-Key, Authorization, Accept, Accept-Language';
const EXPOSE_HEADERS = 'Retry-After, Idempotent-Replayed, Location, X-Request-Id';

export function cors(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    const sameOrigin = origin.toLowerCase() === new URL(c.req.url).origin.toLowerCase();
    if (!sameOrigin && !allowed.has(origin.toLowerCase())) {
      const res = problem(c, 403, 'forbiddenOrigin', { detail: 'Add this origin to KENTRO_ALLOWED_ORIGINS to embed the widgets there.' });
      res.headers.set('Vary', 'Origin');
      return res;
    }
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOW_METHODS,
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
          Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        },
      });
    }
    await next();
    // On the response's own headers: see ./security-headers.ts for why not `c.header()`.
    const headers = c.res.headers;
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    headers.append('Vary', 'Origin');
  };
}
