/**
 * Rules for request bodies of state-changing requests: JSON only (so no cross-site HTML form can reach a
 * handler: forms cannot send `application/json`), and no larger than the configured limit.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.ts';
import { problem } from './problem.ts';
import { isStateChanging } from './rate-limit.ts';

const hasBody = (headers: Headers) =>
  headers.has('transfer-encoding') || Number(headers.get('content-length') ?? '0') > 0;

export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (!isStateChanging(method)) return next();
  if (method === 'DELETE' && !hasBody(c.req.raw.headers)) return next();
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return problem(c, 415, 'unsupportedMediaType', { detail: 'Send the body as application/json.', headers: { 'Accept-Post': 'application/json' } });
  }
  return next();
};

export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    // The rest of the body is not read: `Connection: close` tells the client not to send its next request on a
    // connection the server is about to drop (a keep-alive client would otherwise see it cut mid-request).
    onError: (c) => problem(c, 413, 'payloadTooLarge', { detail: `Send at most ${maxBytes} bytes.`, headers: { Connection: 'close' } }),
  });
  return (c, next) => (isStateChanging(c.req.method) ? limit(c, next) : next());
}
