/** The HTTP surface every route shares: health, OpenAPI, problems, body rules, security headers, CORS, logs. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import { defineRoute } from '../../src/contract/route.ts';
import { routes } from '../../src/contract/routes.ts';
import { route } from '../../src/server/http/route.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';

const echo = defineRoute({
  method: 'post', path: '/test/echo', operationId: 'testEcho', summary: 'Echo', tags: ['test'],
  query: z.object({ page: z.optional(z.coerce.number().check(z.int(), z.gte(1))) }),
  body: z.object({
    name: z.string().check(z.trim(), z.minLength(3)),
    contact: z.object({ email: z.email() }),
    note: z.optional(z.string().check(z.maxLength(10))),
  }),
  responses: { 200: { description: 'The parsed input.' } },
});

const boom = defineRoute({
  method: 'get', path: '/test/boom/{id}', operationId: 'testBoom', summary: 'Fails', tags: ['test'],
  params: z.object({ id: z.string() }),
  responses: { 200: { description: 'Never.' } },
});

const OK_BODY = { name: 'Μαρία Παπαδοπούλου', contact: { email: 'maria@example.gr' } };

async function expectProblem(res: Response, status: number, type: string) {
  assert.equal(res.status, status);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  const body = (await res.json()) as { type: string; status: number; title: string; errors?: unknown[] };
  assert.equal(body.type, type);
  assert.equal(body.status, status);
  assert.ok(body.title);
  return body;
}

for (const backend of backends()) {
  describe(`http surface (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({
        backend,
        config: { bodyLimitBytes: 1024, allowedOrigins: ['https://www.council.example'] },
        extend: (app) => {
          route(app, echo, async (input, c) => c.json(input));
          route(app, boom, async () => {
            throw new Error('secret internal detail');
          });
        },
      });
    });
    after(() => s.close());

    it('answers /api/health with the database kind', async () => {
      const res = await s.fetch('/api/health');
      assert.equal(res.status, 200);
      const body = (await res.json()) as Record<string, unknown>;
      assert.equal(body.status, 'ok');
      assert.equal(body.database, backend);
      assert.match(String(body.version), /^\d+\.\d+\.\d+/);
      assert.ok(!Number.isNaN(Date.parse(String(body.time))));
      assert.equal(res.headers.get('cache-control'), 'no-store');
    });

    it('publishes an OpenAPI 3.1 document with every route of the contract', async () => {
      const res = await s.fetch('/api/openapi.json');
      assert.equal(res.status, 200);
      const doc = (await res.json()) as {
        openapi: string; info: { title: string; version: string }; servers: { url: string }[];
        paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
        components: { schemas: Record<string, unknown> };
      };
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.info.title && doc.info.version);
      assert.equal(doc.servers[0]?.url, '/api');
      for (const r of routes) {
        const op = doc.paths[r.path]?.[r.method];
        assert.ok(op, `${r.method} ${r.path} is documented`);
        assert.equal(op.operationId, r.operationId);
        assert.ok(Object.keys(op.responses).length > 0);
      }
      assert.ok(!doc.paths['/test/echo'], 'test routes are not part of the contract');
      const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
      assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
      assert.ok(doc.components.schemas.Problem);
      assert.match(res.headers.get('cache-control') ?? '', /public/);
    });

    it('answers unknown paths with a 404 problem, API or not', async () => {
      await expectProblem(await s.fetch('/api/nothing-here'), 404, PROBLEM_TYPES.notFound);
      await expectProblem(await s.fetch('/nothing-here'), 404, PROBLEM_TYPES.notFound);
    });

    it('answers a known path with a wrong method with 405 and Allow', async () => {
      const res = await s.fetch('/api/health', { method: 'DELETE' });
      await expectProblem(res, 405, PROBLEM_TYPES.methodNotAllowed);
      assert.equal(res.headers.get('allow'), 'GET, HEAD');
      const put = await s.fetch('/api/test/echo', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      await expectProblem(put, 405, PROBLEM_TYPES.methodNotAllowed);
      assert.equal(put.headers.get('allow'), 'POST');
    });

    it('refuses state changes that are not application/json with 415', async () => {
      const text = await s.fetch('/api/test/echo', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(OK_BODY) });
      await expectProblem(text, 415, PROBLEM_TYPES.unsupportedMediaType);
      const form = await s.fetch('/api/test/echo', { method: 'POST', body: new URLSearchParams({ name: 'x' }) });
      await expectProblem(form, 415, PROBLEM_TYPES.unsupportedMediaType);
      const ok = await s.fetch('/api/test/echo', { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(OK_BODY) });
      assert.equal(ok.status, 200);
    });

    it('refuses bodies over the limit with 413, with or without Content-Length', async () => {
      const big = { ...OK_BODY, note: 'x'.repeat(2000) };
      await expectProblem(await s.fetch('/api/test/echo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(big) }), 413, PROBLEM_TYPES.payloadTooLarge);
      const bytes = new TextEncoder().encode(JSON.stringify(big));
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.subarray(0, 600));
          controller.enqueue(bytes.subarray(600));
          controller.close();
        },
      });
      const chunked = await s.fetch('/api/test/echo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
      await expectProblem(chunked, 413, PROBLEM_TYPES.payloadTooLarge);
    });

    it('validates body and query against the route schemas, with English messages per field', async () => {
      const res = await s.fetch('/api/test/echo?page=0', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: ' ab ', contact: { email: 'nope' }, note: 'x'.repeat(11) }) });
      const body = await expectProblem(res, 400, PROBLEM_TYPES.validation);
      const errors = body.errors as { path: (string | number)[]; code: string; message: string; params?: Record<string, number> }[];
      const byPath = new Map(errors.map((e) => [e.path.join('.'), e]));
      assert.deepEqual(byPath.get('name'), { path: ['name'], code: 'tooShort', message: 'Enter at least 3 characters', params: { min: 3 } });
      assert.equal(byPath.get('contact.email')?.code, 'email');
      assert.match(byPath.get('contact.email')?.message ?? '', /email address/);
      assert.equal(byPath.get('note')?.message, 'Enter 10 characters or fewer');
      assert.equal(byPath.get('page')?.code, 'tooSmall');
      const missing = await s.fetch('/api/test/echo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ contact: {} }) });
      const m = await expectProblem(missing, 400, PROBLEM_TYPES.validation);
      assert.ok((m.errors as { code: string; path: string[] }[]).some((e) => e.code === 'required' && e.path.join('.') === 'name'));
    });

    it('answers malformed JSON with a 400 problem', async () => {
      const res = await s.fetch('/api/test/echo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name": ' });
      const body = await expectProblem(res, 400, PROBLEM_TYPES.validation);
      assert.match(JSON.stringify(body), /not valid JSON/);
    });

    it('passes valid input to the handler parsed by the schema', async () => {
      const res = await s.fetch('/api/test/echo?page=2', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...OK_BODY, name: '  Νίκος  ' }) });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { query: { page: 2 }, body: { name: 'Νίκος', contact: OK_BODY.contact } });
    });

    it('answers a crash with a 500 problem that leaks nothing, and logs it', async () => {
      const res = await s.fetch('/api/test/boom/42');
      const body = await expectProblem(res, 500, PROBLEM_TYPES.internal);
      assert.doesNotMatch(JSON.stringify(body), /secret internal detail|at .*\.ts/);
      const line = s.logs.find((l) => l.msg === 'unhandled error');
      assert.equal(line?.errorMessage, 'secret internal detail');
      assert.equal(line?.route, '/api/test/boom/:id');
    });

    it('sets security headers: nosniff and no-referrer everywhere, framing and caching locked on the API', async () => {
      for (const path of ['/api/health', '/api/nothing', '/', '/nothing']) {
        const res = await s.fetch(path);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
        assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      }
      const api = await s.fetch('/api/health');
      assert.equal(api.headers.get('x-frame-options'), 'DENY');
      assert.match(api.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      assert.match(api.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    });

    describe('CORS', () => {
      const council = 'https://www.council.example';

      it('lets an allowed origin read responses, errors included', async () => {
        const res = await s.fetch('/api/health', { headers: { Origin: council } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('access-control-allow-origin'), council);
        assert.match(res.headers.get('vary') ?? '', /Origin/);
        assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
        const missing = await s.fetch('/api/nothing', { headers: { Origin: council } });
        assert.equal(missing.status, 404);
        assert.equal(missing.headers.get('access-control-allow-origin'), council);
      });

      it('answers preflights of allowed origins', async () => {
        const res = await s.fetch('/api/test/echo', {
          method: 'OPTIONS',
          headers: { Origin: council, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
        });
        assert.equal(res.status, 204);
        assert.equal(res.headers.get('access-control-allow-origin'), council);
        assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
        assert.match(res.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
      });

      it('refuses other origins with a 403 problem, preflight or not, before the handler runs', async () => {
        const evil = 'https://evil.example';
        const get = await s.fetch('/api/health', { headers: { Origin: evil } });
        await expectProblem(get, 403, PROBLEM_TYPES.forbiddenOrigin);
        assert.equal(get.headers.get('access-control-allow-origin'), null);
        const pre = await s.fetch('/api/test/echo', { method: 'OPTIONS', headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' } });
        await expectProblem(pre, 403, PROBLEM_TYPES.forbiddenOrigin);
        const post = await s.fetch('/api/test/boom/1', { headers: { Origin: 'null' } });
        await expectProblem(post, 403, PROBLEM_TYPES.forbiddenOrigin);
      });

      it('allows requests without Origin and from the server\'s own origin', async () => {
        assert.equal((await s.fetch('/api/health')).status, 200);
        const own = await s.fetch('/api/health', { headers: { Origin: s.url } });
        assert.equal(own.status, 200);
      });
    });

    it('logs one line per request with the route pattern, never the query string or the body', async () => {
      s.logs.length = 0;
      await s.fetch('/api/test/echo?page=3&email=secret%40example.gr', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(OK_BODY) });
      await s.fetch('/api/test/boom/ΑΒ-secret-token');
      const requests = s.logs.filter((l) => l.msg === 'request');
      assert.equal(requests.length, 2);
      assert.deepEqual(
        requests.map((l) => [l.method, l.route, l.status]),
        [['POST', '/api/test/echo', 200], ['GET', '/api/test/boom/:id', 500]],
      );
      for (const l of requests) {
        assert.equal(typeof l.durationMs, 'number');
        assert.match(String(l.requestId), /^[0-9a-f-]{36}$/);
        assert.ok(l.time);
      }
      const all = JSON.stringify(s.logs);
      for (const secret of ['secret@example.gr', 'secret%40', 'Μαρία', 'maria@example.gr', 'secret-token', 'page=3']) {
        assert.ok(!all.includes(secret), `logs must not contain ${secret}`);
      }
    });
  });
}
