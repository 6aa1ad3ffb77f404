/**
 * Mounts a contract `RouteDef` on the app: path from the contract, params/query/body validated with its zod
 * schemas (400 problem with `errors[]` per field), staff routes (`admin: true`, always under `/admin/`) behind
 * the staff-token middleware, and idempotent routes run through the idempotency store.
 *
 *   route(app, getThingDef, async ({ params }, c) => c.json(await load(params.id)));   // plain: returns a Response
 *   route(app, postThingDef, async (tx, { body }) => ({ status: 201, body: { … } }));  // `idempotent: true`
 *
 * The second form runs inside the transaction that also stores the response: write only through `tx`.
 *
 * A parameter with a suffix (`/events/{id}.ics`) is validated without it (`id` is `x` for `/events/x.ics`), and
 * takes precedence over a plain parameter in the same place (`/events/{id}` never sees `x.ics`), whichever of the
 * two routes was mounted first.
 */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { toFieldErrors } from '../../contract/issues.ts';
import { paramSuffixes, pathPattern, toRouterPath, type RouteDef } from '../../contract/route.ts';
import type { FieldError } from '../../contract/common.ts';
import type { Queryable } from '../db/types.ts';
import { describeFieldError } from './describe.ts';
import type { App, AppEnv } from './env.ts';
import { idempotencyKeyOf, requestHash, runIdempotent, type HandlerResult } from './idempotency.ts';
import { nulErrors } from './nul.ts';
import { problem } from './problem.ts';
import { API_BASE, recordMounted } from './registry.ts';

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface RouteInput<R extends RouteDef> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
}

export type PlainHandler<R extends RouteDef> = (input: RouteInput<R>, c: Context<AppEnv>) => Response | Promise<Response>;
export type IdempotentHandler<R extends RouteDef> = (tx: Queryable, input: RouteInput<R>, c: Context<AppEnv>) => Promise<HandlerResult>;
export type RouteHandler<R extends RouteDef> = R extends { idempotent: true } ? IdempotentHandler<R> : PlainHandler<R>;

const INVALID_JSON = Symbol('invalid json');

async function readJson(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    return INVALID_JSON;
  }
}

function queryObject(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(c.req.queries())) out[name] = values.length === 1 ? values[0]! : values;
  return out;
}

type Parsed = { ok: true; input: RouteInput<RouteDef>; rawBody: unknown } | { ok: false; errors: FieldError[]; detail?: string };

/** Path parameters without their suffixes. */
function paramsOf(c: Context, suffixes: Readonly<Record<string, string>>): Record<string, string> {
  const params = c.req.param() as Record<string, string>;
  const out: Record<string, string> = { ...params };
  for (const [name, suffix] of Object.entries(suffixes)) {
    const value = params[name];
    if (value?.endsWith(suffix)) out[name] = value.slice(0, -suffix.length);
  }
  return out;
}

async function parseInput(c: Context, def: RouteDef, suffixes: Readonly<Record<string, string>>): Promise<Parsed> {
  const errors: FieldError[] = [];
  const check = (schema: z.ZodMiniType | undefined, value: unknown, refuseNul = true) => {
    if (!schema) return undefined;
    const nul = refuseNul ? nulErrors(value) : [];
    if (nul.length) {
      errors.push(...nul);
      return undefined;
    }
    const result = z.safeParse(schema, value);
    if (result.success) return result.data;
    errors.push(...toFieldErrors(result.error.issues, describeFieldError));
    return undefined;
  };
  // A path id holding NUL is an id that matches nothing: 404 like any other malformed id.
  const params = check(def.params, paramsOf(c, suffixes), false);
  const query = check(def.query, queryObject(c));
  let rawBody: unknown;
  let body: unknown;
  if (def.body) {
    rawBody = await readJson(c);
    if (rawBody === INVALID_JSON) return { ok: false, errors, detail: 'The body is not valid JSON.' };
    body = check(def.body, rawBody);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, input: { params, query, body } as RouteInput<RouteDef>, rawBody };
}

/** Per app: the mounted routes with a suffixed parameter, as method and a pattern of the full path. */
const suffixedRoutes = new WeakMap<App, { method: string; pattern: RegExp }[]>();

/** Whether a route with a suffixed parameter also matches this request (and so should answer it). */
const takenBySuffixedRoute = (app: App, c: Context) =>
  suffixedRoutes.get(app)?.some((r) => r.method === c.req.method && r.pattern.test(c.req.path)) ?? false;

export function route<R extends RouteDef>(app: App, def: R, handler: RouteHandler<R>): void {
  if (def.admin && !def.path.startsWith('/admin/')) throw new Error(`Staff route ${def.path} must live under /admin/`);
  recordMounted(app, def);
  const path = `${API_BASE}${toRouterPath(def.path)}`;
  const scope = `${def.method.toUpperCase()} ${def.path}`;
  const method = def.method.toUpperCase();
  const suffixes = paramSuffixes(def.path);
  const suffixed = Object.keys(suffixes).length > 0;
  if (suffixed) {
    const list = suffixedRoutes.get(app) ?? [];
    list.push({ method, pattern: pathPattern(`${API_BASE}${def.path}`) });
    suffixedRoutes.set(app, list);
  }
  const plainParams = /\{\w+\}(\/|$)/.test(def.path);
  app.on(method, path, async (c, next) => {
    if (plainParams && !suffixed && takenBySuffixedRoute(app, c)) return next();
    const key = def.idempotent ? idempotencyKeyOf(c) : undefined;
    if (def.idempotent && !key) {
      return problem(c, 400, 'idempotencyKeyMissing', { detail: 'Send an Idempotency-Key header with a UUID made once per submission.' });
    }
    const parsed = await parseInput(c, def, suffixes);
    if (!parsed.ok) return problem(c, 400, 'validation', { detail: parsed.detail, errors: parsed.errors });
    const input = parsed.input as RouteInput<R>;
    if (!def.idempotent) return (handler as PlainHandler<R>)(input, c);
    const { db, log } = c.get('deps');
    const hash = requestHash(c.req.param(), parsed.rawBody);
    return runIdempotent(c, { db, log }, { key: key!, scope, hash }, (tx) =>
      (handler as IdempotentHandler<R>)(tx, input, c),
    );
  });
}
