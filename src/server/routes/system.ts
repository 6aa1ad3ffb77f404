/**
 * `/api/health` (readiness: the database answers within READY_TIMEOUT_MS, else 503), `/api/health/ready` (the same),
 * `/api/health/live` (the process answers; never asks the database), `/api/openapi.json` and `/api/form-token`.
 */
import { generateOpenApi } from '../../contract/openapi.ts';
import { routes } from '../../contract/routes.ts';
import { systemRoutes, type Health, type Liveness } from '../../contract/system.ts';
import { DatabaseUnavailableError } from '../db/unavailable.ts';
import type { Context } from 'hono';
import type { App, AppDeps, AppEnv } from '../http/env.ts';
import { route } from '../http/route.ts';

/** A readiness check waits this long for the database before answering 503. */
const READY_TIMEOUT_MS = 2000;

export function mountSystemRoutes(app: App, deps: AppDeps, version: string) {
  const [health, ready, live, openapi, metrics, formToken] = systemRoutes;
  let document: ReturnType<typeof generateOpenApi> | undefined;

  const readiness = async (_input: unknown, c: Context<AppEnv>) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseUnavailableError()), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([deps.db.query('SELECT 1'), timeout]).catch(() => {
        throw new DatabaseUnavailableError();
      });
    } finally {
      clearTimeout(timer);
    }
    const body: Health = { status: 'ok', version, database: deps.db.kind, time: new Date().toISOString() };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  };
  route(app, health, readiness);
  route(app, ready, readiness);
  route(app, live, (_input, c) => c.json({ status: 'ok', version } satisfies Liveness, 200, { 'Cache-Control': 'no-store' }));

  route(app, openapi, (_input, c) => {
    document ??= generateOpenApi(routes, { version, serverUrl: '/api' });
    return c.json(document, 200, { 'Cache-Control': 'public, max-age=300' });
  });

  route(app, metrics, async (_input, c) => c.body(await deps.metrics.registry.metrics(), 200, {
    'Content-Type': deps.metrics.registry.contentType, 'Cache-Control': 'no-store',
  }));

  route(app, formToken, (_input, c) => c.json({ token: deps.formTokens.issue() }));
}
