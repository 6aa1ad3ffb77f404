/** Types shared by the app, its middleware and the route handlers of every domain. */
import type { Hono } from 'hono';
import type { Config } from '../config.ts';
import type { Database } from '../db/types.ts';
import type { Logger } from '../log.ts';
import type { FormTokens } from './human-check.ts';
import type { Limits } from './limiter.ts';
import type { Metrics } from '../system/metrics.ts';

export interface AppVariables {
  /** A random id per request, echoed in `X-Request-Id`, logs and problem `instance`. */
  requestId: string;
  /** The client address used for rate limits (never logged). */
  clientIp: string;
  /** The client reached us over https, through a trusted proxy that says so (HSTS is sent then). */
  https: boolean;
  /** The app's dependencies, for handlers mounted with `route()`. */
  deps: AppDeps;
}

export type AppEnv = { Variables: AppVariables };
export type App = Hono<AppEnv>;

/** What domain routes get from `createApp`. */
export interface AppDeps {
  db: Database;
  config: Config;
  log: Logger;
  formTokens: FormTokens;
  /** Counters shared by every server on the database (rate limits, lockouts). */
  limits: Limits;
  /** This process's Prometheus metrics. */
  metrics: Metrics;
}
