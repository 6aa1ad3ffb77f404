/**
 * The Hono app: middleware in order (request log, compression, security headers, CORS, rate limit, body rules,
 * staff auth), the system routes, domain routes, the widget files and the demo page; 404/405/500 as problems.
 */
import { Hono } from 'hono';
import type { Config } from './config.ts';
import type { Database } from './db/types.ts';
import { adminAuth } from './http/admin-auth.ts';
import { limitBody, requireJson } from './http/body-rules.ts';
import { compression } from './http/compression.ts';
import { TrustedProxies } from './http/client-ip.ts';
import { cors } from './http/cors.ts';
import type { App, AppDeps, AppEnv } from './http/env.ts';
import { errorHandler } from './http/errors.ts';
import { FormTokens } from './http/human-check.ts';
import { Limits } from './http/limiter.ts';
import { notFoundHandler } from './http/not-found.ts';
import { rateLimit } from './http/rate-limit.ts';
import { requestLog } from './http/request-log.ts';
import { apiHeaders, securityHeaders } from './http/security-headers.ts';
import type { Logger } from './log.ts';
import { Metrics } from './system/metrics.ts';
import { mountDemo } from './demo/page.ts';
import { mountEventsRoutes } from './events/routes.ts';
import { mountHsdsRoutes } from './hsds/routes.ts';
import { mountIntakeRoutes } from './intake/routes.ts';
import { mountReferralRoutes } from './referrals/routes.ts';
import { mountSystemRoutes } from './routes/system.ts';
import { mountVolunteeringRoutes } from './volunteering/routes.ts';
import { mountWidgets } from './static/widgets.ts';
import { VERSION } from './version.ts';

export interface CreateAppOptions {
  db: Database;
  config: Config;
  log: Logger;
  /** Mounts more routes behind the same middleware (domain routes, or test routes). */
  extend?: (app: App, deps: AppDeps) => void;
}

/** Builds the app on a migrated database (it reads the form-token secret from `kentro_settings`). */
export async function createApp({ db, config, log, extend }: CreateAppOptions): Promise<App> {
  const deps: AppDeps = { db, config, log, formTokens: await FormTokens.load(db), limits: await Limits.load(db), metrics: new Metrics(db) };
  const app = new Hono<AppEnv>();

  app.use('*', requestLog(log, new TrustedProxies(config.trustedProxies), deps.metrics));
  app.use('*', compression);
  app.use('*', securityHeaders);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', apiHeaders);
  app.use('/api/*', cors(config.allowedOrigins));
  app.use('/api/*', rateLimit(deps.limits, config.rateLimitPerMin));
  app.use('/api/*', limitBody(config.bodyLimitBytes));
  app.use('/api/*', requireJson);
  app.use('/api/admin/*', adminAuth(db, deps.limits, config.adminFailuresPerWindow));

  mountSystemRoutes(app, deps, VERSION);
  mountHsdsRoutes(app, deps);
  mountEventsRoutes(app, deps);
  mountVolunteeringRoutes(app, deps);
  mountIntakeRoutes(app, deps);
  mountReferralRoutes(app, deps);
  extend?.(app, deps);
  mountWidgets(app, config.widgetsDir);
  mountDemo(app, config.demoDir);

  app.notFound(notFoundHandler(app));
  app.onError(errorHandler(log));
  return app;
}
