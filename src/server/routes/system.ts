/** `/api/health`, `/api/openapi.json` and `/api/form-token`. */
import { generateOpenApi } from '../../contract/openapi.ts';
import { routes } from '../../contract/routes.ts';
import { systemRoutes, type Health } from '../../contract/system.ts';
import type { App, AppDeps } from '../http/env.ts';
import { ProblemError } from '../http/problem.ts';
import { route } from '../http/route.ts';

export function mountSystemRoutes(app: App, deps: AppDeps, version: string) {
  const [health, openapi, formToken] = systemRoutes;
  let document: ReturnType<typeof generateOpenApi> | undefined;

  route(app, health, async (_input, c) => {
    try {
      await deps.db.query('SELECT 1');
    } catch {
      throw new ProblemError(503, 'internal', { detail: 'The database does not answer.' });
    }
    const body: Health = { status: 'ok', version, database: deps.db.kind, time: new Date().toISOString() };
    return c.json(body);
  });

  route(app, openapi, (_input, c) => {
    document ??= generateOpenApi(routes, { version, serverUrl: '/api' });
    return c.json(document, 200, { 'Cache-Control': 'public, max-age=300' });
  });

  route(app, formToken, (_input, c) => c.json({ token: deps.formTokens.issue() }));
}
