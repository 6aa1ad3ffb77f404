/** Which routes exist, for 405 answers and their `Allow` header: the contract's routes plus any mounted ones. */
import { routes } from '../../contract/routes.ts';
import { pathPattern, type HttpMethod, type RouteDef } from '../../contract/route.ts';
import type { App } from './env.ts';

export const API_BASE = '/api';

const mounted = new WeakMap<App, RouteDef[]>();

export function recordMounted(app: App, def: RouteDef) {
  const list = mounted.get(app) ?? [];
  list.push(def);
  mounted.set(app, list);
}

const ORDER: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/** Compiled path patterns: every 404 under `/api` tests all routes, and compiling them cost more than the test. */
const patterns = new Map<string, RegExp>();
const patternOf = (path: string) => patterns.get(path) ?? patterns.set(path, pathPattern(path)).get(path)!;

/** Methods (upper case, HEAD with GET) some route accepts at `apiPath` (the path below `/api`). */
export function allowedMethods(app: App, apiPath: string): string[] {
  const methods = new Set<HttpMethod>();
  for (const def of [...routes, ...(mounted.get(app) ?? [])]) if (patternOf(def.path).test(apiPath)) methods.add(def.method);
  const list = ORDER.filter((m) => methods.has(m)).map((m) => m.toUpperCase());
  if (methods.has('get')) list.splice(1, 0, 'HEAD');
  return list;
}
