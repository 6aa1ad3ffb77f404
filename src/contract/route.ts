/**
 * A route of the API described once, as data: the server validates with it and the OpenAPI document is
 * generated from it, so the two cannot drift apart.
 */
import type * as z from 'zod/mini';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteResponse {
  description: string;
  /** Body schema; omitted for bodies that are not JSON (see `contentType`) or empty. */
  schema?: z.ZodMiniType;
  /** Defaults to `application/json` when a schema is given. */
  contentType?: string;
}

export interface RouteDef {
  method: HttpMethod;
  /** OpenAPI-style path below the API base, e.g. `/events/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tags: readonly string[];
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** The request must carry an `Idempotency-Key` header (CONTRACT.md). */
  idempotent?: boolean;
  /** Staff-only: needs `Authorization: Bearer <admin token>`. */
  admin?: boolean;
  responses: Readonly<Record<number, RouteResponse>>;
}

/** Declares a route, keeping its literal types. */
export const defineRoute = <const R extends RouteDef>(route: R): R => route;

/** A parameter followed by literal text inside its path segment, as `{id}` in `/events/{id}.ics`. */
const PARAM = /\{(\w+)\}([^/{}]*)/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The path in the form Hono routes use: `/events/{id}` → `/events/:id`. A parameter with a suffix in its segment
 * becomes a pattern that keeps the suffix, `/events/{id}.ics` → `/events/:id{[^/]+\.ics}` (Hono would otherwise
 * read `:id.ics` as a parameter named `id.ics`); strip it with `paramSuffixes`. Such a route and `/events/{id}` both
 * match `/events/x.ics`: the server lets the suffixed route answer (src/server/http/route.ts).
 */
export const toRouterPath = (path: string) =>
  path.replace(PARAM, (_whole, name: string, suffix: string) => (suffix ? `:${name}{[^/]+${escapeRegExp(suffix)}}` : `:${name}`));

/** The literal suffix of each parameter that has one: `/events/{id}.ics` → `{ id: '.ics' }`. */
export function paramSuffixes(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, suffix] of path.matchAll(PARAM)) if (suffix) out[name!] = suffix;
  return out;
}

/** A regular expression matching the concrete paths of `path` (a parameter is one non-empty segment, or part of one). */
export const pathPattern = (path: string) =>
  new RegExp(`^${path.split(/(\{\w+\})/).map((part) => (/^\{\w+\}$/.test(part) ? '[^/]+' : escapeRegExp(part))).join('')}$`);
