/** 404 and 405 as problem details, with `Allow` computed from the route registry. */
import type { Context } from 'hono';
import type { App, AppEnv } from './env.ts';
import { problem } from './problem.ts';
import { API_BASE, allowedMethods } from './registry.ts';

export function notFoundHandler(app: App) {
  return (c: Context<AppEnv>) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith(`${API_BASE}/`)) {
      const allow = allowedMethods(app, path.slice(API_BASE.length));
      if (allow.length > 0 && !allow.includes(c.req.method)) {
        return problem(c, 405, 'methodNotAllowed', { headers: { Allow: allow.join(', ') } });
      }
    }
    return problem(c, 404, 'notFound');
  };
}
