/** Generates the OpenAPI 3.1 document from the route definitions and their zod schemas. */
import * as z from 'zod/mini';
import { Problem } from './common.ts';
import type { RouteDef } from './route.ts';

type JsonSchema = Record<string, unknown>;

/**
 * Where definitions of schemas that contain themselves (a need and its sub-needs) go. zod writes them as `$defs`
 * referred to by `#/$defs/…`, but inside an OpenAPI document `#` is the document, so they move to
 * `components.schemas` under a name made from where they were found.
 */
type Defs = { schemas: Record<string, JsonSchema>; prefix: string };

function rewriteRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, names));
  if (value === null || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(value)) {
    const local = k === '$ref' && typeof v === 'string' ? /^#\/\$defs\/(.+)$/.exec(v)?.[1] : undefined;
    out[k] = local !== undefined && names.has(local) ? `#/components/schemas/${names.get(local)}` : rewriteRefs(v, names);
  }
  return out;
}

const schemaOf = (s: z.ZodMiniType, io: 'input' | 'output', defs?: Defs): JsonSchema => {
  const json = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const { $schema: _ignored, $defs, ...rest } = json;
  if (!$defs) return rest;
  if (!defs) throw new Error('A schema that refers to itself is used where its definitions cannot be shared');
  const names = new Map(Object.keys($defs).map((local) => [local, `${defs.prefix}.${local.replace(/^_+/, '')}`]));
  for (const [local, def] of Object.entries($defs)) defs.schemas[names.get(local)!] = rewriteRefs(def, names) as JsonSchema;
  return rewriteRefs(rest, names) as JsonSchema;
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

function operation(route: RouteDef, schemas: Defs['schemas']) {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(route.responses)) {
    const type = r.contentType ?? (r.schema ? 'application/json' : undefined);
    responses[status] = type
      ? { description: r.description, content: { [type]: r.schema ? { schema: schemaOf(r.schema, 'output', { schemas, prefix: `${route.operationId}.${status}` }) } : {} } }
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
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input', { schemas, prefix: `${route.operationId}.body` }) } } } }
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
  const shared: Defs['schemas'] = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route, shared);
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
      schemas: { Problem: schemaOf(Problem, 'output'), ...shared },
      securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', description: 'KENTRO_ADMIN_TOKEN' } },
    },
  };
}
