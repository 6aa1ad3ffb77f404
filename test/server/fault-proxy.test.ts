/**
 * The fault proxy, against the real server: a response lost after the server stored it, a request dropped
 * before it arrives, a slow response. The first case is the one idempotency keys exist for.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { defineRoute } from '../../src/contract/route.ts';
import { route } from '../../src/server/http/route.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { backends, postJson, startTestServer, type TestServer } from '../support/server.ts';

const createNote = defineRoute({
  method: 'post', path: '/test/notes', operationId: 'testCreateNote', summary: 'Creates a note', tags: ['test'],
  body: z.object({ text: z.string() }), idempotent: true, responses: { 201: { description: 'Created.' } },
});

for (const backend of backends()) {
  describe(`fault proxy (${backend})`, () => {
    let s: TestServer;
    let proxy: FaultProxy;
    const notes = async (text: string) =>
      (await s.db.query<{ n: number }>('SELECT count(*) AS n FROM test_notes WHERE text = $1', [text])).rows[0]!.n;

    before(async () => {
      s = await startTestServer({
        backend,
        setup: (db) => db.exec('CREATE TABLE test_notes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), text text NOT NULL)'),
        extend: (app) =>
          route(app, createNote, async (tx, { body }) => {
            const { rows } = await tx.query<{ id: string }>('INSERT INTO test_notes (text) VALUES ($1) RETURNING id', [body.text]);
            return { status: 201, body: { id: rows[0]!.id } };
          }),
      });
      proxy = await startFaultProxy(s.url);
    });
    after(async () => {
      await proxy.close();
      await s.close();
    });

    it('passes requests through unchanged when told nothing', async () => {
      const res = await fetch(`${proxy.url}/api/health`);
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { status: string }).status, 'ok');
      assert.deepEqual(proxy.requests.at(-1), { method: 'GET', path: '/api/health', upstreamStatus: 200 });
    });

    it('cuts the connection after the server stored the work; the retry with the same key is replayed', async () => {
      const key = randomUUID();
      const send = () => fetch(`${proxy.url}/api/test/notes`, postJson({ text: 'lost twice' }, { 'Idempotency-Key': key }));
      proxy.cutAfterResponse({ method: 'POST', path: '/api/test/notes' }, 2);
      await assert.rejects(send(), TypeError);
      assert.equal(await notes('lost twice'), 1, 'the server stored it although the client saw nothing');
      await assert.rejects(send(), TypeError);
      const third = await send();
      assert.equal(third.status, 201);
      assert.equal(third.headers.get('idempotent-replayed'), 'true');
      assert.equal(await notes('lost twice'), 1);
      const cut = proxy.requests.filter((r) => r.fault === 'cut-after-response');
      assert.equal(cut.length, 2);
      assert.deepEqual(cut.map((r) => r.upstreamStatus), [201, 201]);
    });

    it('drops a request before the server sees it', async () => {
      proxy.dropBeforeForward({ method: 'POST', path: /^\/api\/test\/notes$/ });
      await assert.rejects(fetch(`${proxy.url}/api/test/notes`, postJson({ text: 'dropped' }, { 'Idempotency-Key': randomUUID() })), TypeError);
      assert.equal(await notes('dropped'), 0);
      const next = await fetch(`${proxy.url}/api/test/notes`, postJson({ text: 'dropped' }, { 'Idempotency-Key': randomUUID() }));
      assert.equal(next.status, 201, 'the fault applied to one request only');
    });

    it('delays a response', async () => {
      proxy.delay({ method: 'GET', path: '/api/health' }, 300);
      const started = performance.now();
      const res = await fetch(`${proxy.url}/api/health`);
      assert.equal(res.status, 200);
      assert.ok(performance.now() - started >= 290);
    });

    it('matches method and path exactly, and can be reset', async () => {
      proxy.dropBeforeForward({ method: 'POST', path: '/api/health' });
      assert.equal((await fetch(`${proxy.url}/api/health`)).status, 200, 'GET does not match a POST fault');
      proxy.reset();
      const res = await fetch(`${proxy.url}/api/health`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal(res.status, 405, 'the reset fault no longer applies');
    });
  });
}
