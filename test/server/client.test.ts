/**
 * The browser's ApiClient against the real server through a misbehaving network: the server stores a submission
 * but the first two responses never reach the client. The client retries with the same Idempotency-Key, the
 * person is told "trying again" (never an error), and the server holds exactly one record.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { ApiClient } from '../../src/client/api-client.ts';
import { ApiError } from '../../src/client/errors.ts';
import { Submission } from '../../src/client/submission.ts';
import { Health } from '../../src/contract/system.ts';
import { countSubmissions, createSubmissionsTable, mountSubmissions, TestSubmissionCreated } from '../fixtures/submissions.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';

const answers = { name: 'Ελένη Παπαδοπούλου', email: 'eleni@example.gr', method: 'phone', consent: true };
const fast = { baseMs: 10, maxMs: 50 };

for (const backend of backends()) {
  describe(`ApiClient against the real server (${backend})`, () => {
    let server: TestServer;
    let proxy: FaultProxy;
    let api: ApiClient;

    before(async () => {
      server = await startTestServer({ backend, setup: createSubmissionsTable, extend: mountSubmissions });
      proxy = await startFaultProxy(server.url);
      api = new ApiClient({ baseUrl: `${proxy.url}/api`, backoff: fast, timeoutMs: 5000 });
    });
    after(async () => {
      await proxy?.close();
      await server?.close();
    });

    it('stores exactly one record when the first two responses are lost after the server stored it', async () => {
      const before = await countSubmissions(server.db);
      proxy.cutAfterResponse({ method: 'POST', path: '/api/test/submissions' }, 2);
      const retries: string[] = [];
      const submission = new Submission();
      const result = await api.send('POST', '/test/submissions', answers, TestSubmissionCreated, {
        idempotencyKey: submission.keyFor(answers),
        onRetry: ({ error }) => retries.push(error.kind),
      });
      assert.match(result.reference, /^ΚΚ-2026-\d{6}$/);
      assert.deepEqual(retries, ['offline', 'offline'], 'the person saw "trying again" twice and no error');
      assert.equal(await countSubmissions(server.db) - before, 1);
      const seen = proxy.requests.filter((r) => r.path === '/api/test/submissions');
      assert.deepEqual(seen.slice(-3).map((r) => [r.fault ?? 'ok', r.upstreamStatus]), [
        ['cut-after-response', 201], ['cut-after-response', 201], ['ok', 201],
      ], 'the server answered 201 three times: stored once, replayed twice');
    });

    it('gives up after its retries with a typed, retryable error, and the same key then succeeds once', async () => {
      const before = await countSubmissions(server.db);
      const body = { ...answers, name: 'Άλλο Πρόσωπο' };
      const submission = new Submission();
      const key = submission.keyFor(body);
      proxy.dropBeforeForward({ method: 'POST', path: '/api/test/submissions' }, 3);
      await assert.rejects(
        api.send('POST', '/test/submissions', body, TestSubmissionCreated, { idempotencyKey: key, retries: 2 }),
        (e: unknown) => e instanceof ApiError && e.kind === 'offline' && e.retryable,
      );
      assert.equal(submission.keyFor(body), key, 'same answers, same key');
      await api.send('POST', '/test/submissions', body, TestSubmissionCreated, { idempotencyKey: key });
      await api.send('POST', '/test/submissions', body, TestSubmissionCreated, { idempotencyKey: key });
      assert.equal(await countSubmissions(server.db) - before, 1);
    });

    it('turns problem+json field errors into typed errors with paths', async () => {
      const bad = { ...answers, email: 'not-an-email', name: '' };
      await assert.rejects(
        api.send('POST', '/test/submissions', bad, TestSubmissionCreated, { idempotencyKey: new Submission().keyFor(bad) }),
        (e: unknown) => {
          assert.ok(e instanceof ApiError);
          assert.equal(e.kind, 'invalid');
          assert.equal(e.status, 400);
          assert.deepEqual(e.fieldErrors.map((f) => [f.path.join('.'), f.code]), [['name', 'required'], ['email', 'email']]);
          return true;
        },
      );
    });

    it('times out a slow answer and retries it', async () => {
      const slow = new ApiClient({ baseUrl: `${proxy.url}/api`, backoff: fast, timeoutMs: 300 });
      proxy.delay({ method: 'GET', path: '/api/health' }, 1000, 1);
      const kinds: string[] = [];
      const health = await slow.get('/health', Health, { onRetry: ({ error }) => kinds.push(error.kind) });
      assert.equal(health.status, 'ok');
      assert.deepEqual(kinds, ['timeout']);
    });

    it('rejects a response that does not match the contract', async () => {
      await assert.rejects(api.get('/health', z.object({ status: z.literal('broken') })), (e: unknown) => e instanceof ApiError && e.kind === 'badResponse');
    });

    it('stops at once when the caller aborts', async () => {
      const controller = new AbortController();
      proxy.delay({ method: 'GET', path: '/api/health' }, 2000, 1);
      const pending = api.get('/health', Health, { signal: controller.signal });
      setTimeout(() => controller.abort(new Error('left the page')), 50);
      await assert.rejects(pending, /left the page/);
    });
  });
}

describe('ApiClient retry policy', () => {
  it('honours Retry-After on 429 and does not retry a 404', async () => {
    const calls: number[] = [];
    let n = 0;
    const fetchStub: typeof fetch = async () => {
      calls.push(Date.now());
      n++;
      if (n === 1) return new Response(JSON.stringify({ type: 'x', title: 'Too many', status: 429 }), { status: 429, headers: { 'Retry-After': '1', 'Content-Type': 'application/problem+json' } });
      if (n === 2) return new Response(JSON.stringify({ status: 'ok', version: '1', database: 'pglite', time: new Date().toISOString() }), { status: 200 });
      return new Response('{}', { status: 404 });
    };
    const api = new ApiClient({ baseUrl: 'http://example.invalid/api', fetch: fetchStub, backoff: fast });
    const delays: number[] = [];
    await api.get('/health', Health, { onRetry: ({ delayMs }) => delays.push(delayMs) });
    assert.deepEqual(delays, [1000]);
    assert.ok(calls[1]! - calls[0]! >= 950);
    await assert.rejects(api.get('/health', Health), (e: unknown) => e instanceof ApiError && e.kind === 'notFound');
    assert.equal(n, 3, 'a 404 is not retried');
  });
});
