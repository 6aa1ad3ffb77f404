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

/** `/events/{id}` → `/events/:id`, the form Hono routes use. */
export const toRouterPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
