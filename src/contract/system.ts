/** Health and self-description of the backend. */
import * as z from 'zod/mini';
import { defineRoute } from './route.ts';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  time: z.iso.datetime(),
});
export type Health = z.infer<typeof Health>;

/** The process answers (liveness): nothing about the database, so an orchestrator never restarts a server for a
 *  database outage that a restart cannot mend. */
export const Liveness = z.object({ status: z.literal('ok'), version: z.string() });
export type Liveness = z.infer<typeof Liveness>;

/** A signed timestamp a form asks for when it is first shown, and posts back (minimum human fill time). */
export const FormToken = z.object({ token: z.string() });
export type FormToken = z.infer<typeof FormToken>;

export const systemRoutes = [
  defineRoute({
    method: 'get', path: '/health', operationId: 'getHealth', summary: 'Readiness: the backend and its database answer', tags: ['system'],
    responses: { 200: { description: 'The backend and its database answer (503 while the database does not).', schema: Health } },
  }),
  defineRoute({
    method: 'get', path: '/health/ready', operationId: 'getReadiness', summary: 'Readiness, for a load balancer: the same as /health', tags: ['system'],
    responses: { 200: { description: 'Send traffic here (503 while the database does not answer).', schema: Health } },
  }),
  defineRoute({
    method: 'get', path: '/health/live', operationId: 'getLiveness', summary: 'Liveness, for a supervisor: the process answers', tags: ['system'],
    responses: { 200: { description: 'The process is alive; the database is not asked.', schema: Liveness } },
  }),
  defineRoute({
    method: 'get', path: '/openapi.json', operationId: 'getOpenApi', summary: 'This document (OpenAPI 3.1)', tags: ['system'],
    responses: { 200: { description: 'The OpenAPI 3.1 description of the API.', contentType: 'application/json' } },
  }),
  defineRoute({
    method: 'get', path: '/admin/metrics', operationId: 'getMetrics', tags: ['system', 'admin'], admin: true,
    summary: "This server process's metrics for Prometheus: requests, latency, database pool, job backlog",
    responses: { 200: { description: 'The Prometheus text exposition format (version 0.0.4).', contentType: 'text/plain' } },
  }),
  defineRoute({
    method: 'get', path: '/form-token', operationId: 'getFormToken', tags: ['system'],
    summary: 'A signed render timestamp for the minimum human fill time of public forms',
    responses: { 200: { description: 'Post it back as `renderedAt` with the form.', schema: FormToken } },
  }),
] as const;
