/**
 * Node's HTTP server limits: a request must arrive whole (headers and body) within `KENTRO_REQUEST_TIMEOUT_MS`, its
 * headers within 10 s, or the connection is answered 408 and closed, so a client trickling a body a byte at a time
 * cannot hold a connection for the five minutes Node allows by default. Node checks these once per
 * `connectionsCheckingInterval` (30 s by default): every second here.
 */
import type { ServerOptions } from 'node:http';
import type { Config } from '../config.ts';

export const nodeServerOptions = (config: Pick<Config, 'requestTimeoutMs'>): ServerOptions => ({
  requestTimeout: config.requestTimeoutMs,
  headersTimeout: Math.min(config.requestTimeoutMs, 10_000),
  connectionsCheckingInterval: Math.min(config.requestTimeoutMs, 1000),
  keepAliveTimeout: 5000,
});
