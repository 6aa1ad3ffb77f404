/** Generates the OpenAPI 3.1 document from the route definitions and their zod schemas. */
import * as z from 'zod/mini';
import { Problem } from './common.ts';
import type { RouteDef } from './route.ts';

type JsonSchema = Record<string, unknown>;

const schemaOf = (s: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function parameters(route: RouteDef) {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop });
    }
  }
  if (route.idempotent) {
    out.push({
      name: 'Idempotency-Key', in: 'header', required: true,
      description: 'A UUID made once per submission and reused on every retry.',
      schema: { type: 'string', format: 'uuid' },
    });
  }
  return out;
}

function operation(route: RouteDef) {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(route.responses)) {
    const type = r.contentType ?? (r.schema ? 'application/json' : undefined);
    responses[status] = type
      ? { description: r.description, content: { [type]: r.schema ? { schema: schemaOf(r.schema, 'output') } : {} } }
      : { description: r.description };
  }
  if (route.params || route.query || route.body) responses['400'] ??= problemResponse('Invalid request; `errors[]` names each field.');
  if (route.body) {
    responses['415'] ??= problemResponse('The body is not `application/json`.');
    responses['422'] ??= problemResponse('Idempotency key reused with a different body.');
    responses['429'] ??= problemResponse('Too many requests; see `Retry-After`.');
  }
  if (route.idempotent) responses['409'] ??= problemResponse('The first request with this key is still running.');
  if (route.admin) responses['401'] ??= problemResponse('Missing or wrong staff token.');
  responses['default'] = problemResponse('Any other error.');
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [...route.tags],
    ...(route.admin ? { security: [{ staffToken: [] }] } : {}),
    parameters: parameters(route),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } }
      : {}),
    responses,
  };
}

export interface OpenApiInfo {
  title?: string;
  version: string;
  /** The API base the document is served from, e.g. `/api` or `https://council.gr/kentro/api`. */
  serverUrl: string;
}

export function generateOpenApi(routes: readonly RouteDef[], info: OpenApiInfo) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: info.title ?? 'Kentro Community Centre API',
      version: info.version,
      description: 'The contract between the Kentro widgets and a council backend. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      schemas: { Problem: schemaOf(Problem, 'output') },
      securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', description: 'KENTRO_ADMIN_TOKEN' } },
    },
  };
}
