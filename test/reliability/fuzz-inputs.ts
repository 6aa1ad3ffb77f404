/**
 * Generated requests for one operation of the OpenAPI document: its method (now and then another), path ids
 * (valid, real, malformed, encoded, huge), query strings (from the parameter schemas, repeated, unknown, broken
 * percent-encoding), headers (Content-Type, Idempotency-Key, Authorization, Origin, Accept-Language) and bodies
 * (valid-ish from the schema, one field broken, any JSON, garbage bytes, over the size limit, deeply nested).
 */
import fc from 'fast-check';
import { arbitraryFor, type JsonSchema, type SchemaContext } from './schema-arbitrary.ts';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** OpenAPI path below `/api`, e.g. `/events/{id}.ics`. */
  path: string;
  operationId: string;
  parameters: Parameter[];
  bodySchema?: JsonSchema;
  /** The operation asks for `Idempotency-Key` / a bearer token (read from the document). */
  idempotent: boolean;
  admin: boolean;
}

export interface FuzzRequest {
  method: string;
  /** Raw request target, already encoded as sent (`/api/…?…`). */
  target: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface FuzzContext extends SchemaContext {
  /** Origins the server lets in, and its own. */
  allowedOrigins: readonly string[];
  adminToken: string;
  bodyLimitBytes: number;
  /** Bodies known to be accepted, by operationId: sent as they are, or with one property generated afresh. */
  samples: Readonly<Record<string, readonly object[]>>;
  /** Real values for the path parameters of one path, by OpenAPI path (`/hsds/services/{id}` → service ids). */
  pathPools: Readonly<Record<string, readonly string[]>>;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Characters Node lets through in a header value (printable Latin-1 and tab). */
const headerChar = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }), fc.constant(0x09)).map((c) => String.fromCharCode(c));
const headerText = (maxLength = 60) => fc.string({ unit: headerChar, maxLength }).map((s) => s.trim());

const weighted = <T>(...pairs: [number, fc.Arbitrary<T>][]) => fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));
const maybe = <T>(arb: fc.Arbitrary<T>, weightAbsent = 1, weightPresent = 3) => weighted<T | undefined>([weightAbsent, fc.constant(undefined)], [weightPresent, arb]);

/** Segments a browser or an attacker might put where an id goes, already encoded as sent. */
const NASTY_SEGMENTS = [
  '..', '.', '%2e%2e', '%2F', '%2f..%2f', '%00', '%', '%E0%A4%A', '%ZZ', '%C0%AF', '%FF%FE', '%F0%9F%92%A9',
  'null', 'undefined', '0', '-1', '1e309', 'NaN', "'%20OR%201=1--", '%3Cscript%3E', 'a;b', '$%7B7*7%7D',
  encodeURIComponent('ΣΔ-2026-000001'), encodeURIComponent('ΚΚ-2026-000001'), 'x.ics', '.ics', 'a'.repeat(5000),
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

function pathValue(param: Parameter, op: Operation, ctx: FuzzContext): fc.Arbitrary<string> {
  const own = ctx.pathPools[op.path] ?? [];
  return weighted<string>(
    [own.length ? 4 : 0, fc.constantFrom(...(own.length ? own : ['unused'])).map(encodeURIComponent)],
    [6, arbitraryFor(param.schema, ctx, param.name).map((v) => encodeURIComponent(String(v)))],
    [2, fc.constantFrom(...NASTY_SEGMENTS)],
    [2, fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).map((s) => encodeURIComponent(s.replaceAll(/[\uD800-\uDFFF]/g, '?')))],
  );
}

function queryValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return [typeof value === 'string' ? value : JSON.stringify(value) ?? ''];
}

function queryString(op: Operation, ctx: FuzzContext): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query');
  const known: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params) known[p.name] = weighted<unknown>([5, arbitraryFor(p.schema, ctx, p.name)], [1, fc.jsonValue({ maxDepth: 1 })]);
  const structured = fc
    .tuple(fc.record(known, { requiredKeys: params.filter((p) => p.required).map((p) => p.name) }), fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 }), { maxKeys: 2 }))
    .map(([named, extra]) => {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(named)) for (const one of queryValue(v)) search.append(k, one);
      for (const [k, v] of Object.entries(extra)) search.append(k, v);
      const text = search.toString();
      return text ? `?${text}` : '';
    });
  const raw = fc.constantFrom('?', '?&&&', '?=', '?a=%ZZ', '?%', '?page=%E0%A4%A', `?search=${'x'.repeat(10_000)}`, '?page=1&page=2',
    '?page=-1', '?per_page=100000000000000000000', '?from=2026-02-30', '?__proto__=x', '?constructor[prototype]=x', '?shiftId=..%2F');
  return weighted<string>([1, fc.constant('')], [6, structured], [2, raw]);
}

function contentType(stateChanging: boolean): fc.Arbitrary<string | undefined> {
  const json = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8');
  const other = fc.constantFrom('text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz',
    'application/problem+json', 'application/jsonx', 'application/json-patch+json', 'text/json', '', '*/*');
  return stateChanging
    ? weighted<string | undefined>([12, json], [3, other], [1, headerText(40)], [1, fc.constant(undefined)])
    : weighted<string | undefined>([4, fc.constant(undefined)], [1, json], [1, other]);
}

function idempotencyKey(op: Operation): fc.Arbitrary<string | undefined> {
  const garbage = weighted<string>([3, headerText(80)], [1, fc.constantFrom('x'.repeat(300), 'not-a-uuid', '00000000-0000-0000-0000-000000000000')]);
  // A few keys used again and again: replays, and the same key with another body (a mismatch).
  const reused = fc.constantFrom('0b6d3c3e-2f6f-4e55-9a5f-0d6f1c1d2a01', '7c1e7c0e-9f40-4d7e-8a0c-5b2b8e2a0c02');
  return op.idempotent ? weighted<string | undefined>([12, fc.uuid()], [2, reused], [2, garbage], [1, fc.constant(undefined)]) : maybe(fc.uuid(), 6, 1);
}

function authorization(op: Operation, ctx: FuzzContext): fc.Arbitrary<string | undefined> {
  const pool = ctx.pools.authorization ?? [];
  const wrong = fc.oneof(
    fc.constantFrom('Bearer', 'Bearer ', 'Bearer wrong-token', `Bearer ${ctx.adminToken}x`, `bearer ${ctx.adminToken.toUpperCase()}`, `Basic ${btoa('admin:admin')}`, `Bearer ${'a'.repeat(4000)}`),
    headerText(80),
  );
  const right = op.admin ? fc.constant(`Bearer ${ctx.adminToken}`) : pool.length ? fc.constantFrom(...pool) : fc.constant(undefined);
  return weighted<string | undefined>([op.admin || pool.length ? 6 : 0, right], [2, fc.constant(undefined)], [2, wrong]);
}

function origin(ctx: FuzzContext): fc.Arbitrary<string | undefined> {
  return weighted<string | undefined>(
    [10, fc.constant(undefined)],
    [3, fc.constantFrom(...ctx.allowedOrigins)],
    [1, fc.constantFrom('null', 'https://evil.example', 'http://127.0.0.1', 'https://kentro.example.gov.gr.evil.example', 'file://')],
    [1, fc.webUrl().map((u) => new URL(u).origin)],
    [1, headerText(40)],
  );
}

const acceptLanguage = maybe(fc.oneof(fc.constantFrom('el', 'en', 'ar', 'el-GR,el;q=0.9,en;q=0.8', '*', 'xx-YY', 'en;q=abc', 'a'.repeat(2000)), headerText(40)), 2, 1);

/** Replaces one property of an object (or one item of an array) with any JSON value, or deletes it. */
function breakOne(value: unknown, pick: number, replacement: unknown, remove: boolean): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  const copy: Record<string, unknown> = Array.isArray(value) ? [...value] as unknown as Record<string, unknown> : { ...(value as object) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return replacement;
  const key = keys[pick % keys.length]!;
  if (remove) delete copy[key];
  else copy[key] = pick % 3 === 0 ? breakOne(copy[key], pick >> 2, replacement, remove) : replacement;
  return copy;
}

const nested = (depth: number, kind: 'array' | 'object') =>
  kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A known-good body with one property drawn from its schema: mostly still valid, so it reaches the database. */
function fromSamples(op: Operation, ctx: FuzzContext): fc.Arbitrary<unknown> | undefined {
  const samples = ctx.samples[op.operationId];
  const properties = op.bodySchema?.properties;
  if (!samples?.length || !properties) return undefined;
  const keys = Object.keys(properties);
  return fc.tuple(fc.constantFrom(...samples), fc.constantFrom(...keys)).chain(([sample, key]) =>
    arbitraryFor(properties[key]!, ctx, key).map((value) => ({ ...sample, [key]: value })),
  );
}

function body(op: Operation, ctx: FuzzContext): fc.Arbitrary<string | Uint8Array | undefined> {
  const generated = op.bodySchema ? arbitraryFor(op.bodySchema, ctx) : fc.jsonValue({ maxDepth: 2 });
  const near = fromSamples(op, ctx);
  const valid = near ? fc.oneof({ arbitrary: near, weight: 3 }, { arbitrary: fc.constantFrom(...ctx.samples[op.operationId]!), weight: 1 }, { arbitrary: generated, weight: 2 }) : generated;
  const broken = fc.tuple(valid, fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.boolean()).map(([v, pick, replacement, remove]) => breakOne(v, pick, replacement, remove));
  const huge = fc.integer({ min: ctx.bodyLimitBytes - 20, max: ctx.bodyLimitBytes * 4 }).map((n) => JSON.stringify({ name: 'x'.repeat(n) }));
  const deep = fc.tuple(fc.integer({ min: 100, max: 200_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([d, k]) => nested(d, k));
  const manyItems = fc.integer({ min: 100, max: 1500 }).map((n) => JSON.stringify({ shiftIds: Array.from({ length: n }, () => '00000000-0000-4000-8000-000000000000'), needs: [], serviceIds: [] }));
  return weighted<string | Uint8Array | undefined>(
    [op.bodySchema ? 8 : 1, valid.map((v) => JSON.stringify(v))],
    [op.bodySchema ? 5 : 1, broken.map((v) => JSON.stringify(v) ?? 'null')],
    [2, fc.jsonValue().map((v) => JSON.stringify(v))],
    [1, fc.string({ unit: 'binary', maxLength: 200 })],
    [1, fc.uint8Array({ maxLength: 300 })],
    [1, fc.constantFrom('', '{', '{"a":1,}', 'null', '"', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\uFEFF{}')],
    [1, huge],
    [1, deep],
    [1, manyItems],
    [1, fc.constant(undefined)],
  );
}

/** Requests aimed at `op`. */
export function requestsFor(op: Operation, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const pathArb = fc.tuple(...pathParams.map((p) => pathValue(p, op, ctx))).map((values) =>
    pathParams.reduce((path, p, i) => path.replace(`{${p.name}}`, values[i]!), `/api${op.path}`),
  );
  const method = weighted<string>([9, fc.constant(op.method.toUpperCase())], [1, fc.constantFrom(...METHODS)]);
  return fc
    .record({
      method,
      path: pathArb,
      query: queryString(op, ctx),
      type: contentType(op.method !== 'get'),
      key: idempotencyKey(op),
      auth: authorization(op, ctx),
      origin: origin(ctx),
      lang: acceptLanguage,
      body: body(op, ctx),
    })
    .map(({ method: m, path, query, type, key, auth, origin: o, lang, body: b }) => {
      const headers: Record<string, string> = {};
      if (type !== undefined) headers['Content-Type'] = type;
      if (key !== undefined) headers['Idempotency-Key'] = key;
      if (auth !== undefined) headers.Authorization = auth;
      if (o !== undefined) headers.Origin = o;
      if (lang !== undefined) headers['Accept-Language'] = lang;
      // Bodies on GET and HEAD are legal on the wire; send one now and then, always on the others.
      const withBody = m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS' ? b : path.length % 7 === 0 ? b : undefined;
      return { method: m, target: `${path}${query}`, headers, ...(withBody === undefined ? {} : { body: withBody }) };
    });
}
