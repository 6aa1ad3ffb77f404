/**
 * Idempotent POSTs: replay, mismatch, in-flight conflict (another attempt holds the key's lock), a key freed the
 * moment the connection of the attempt holding it dies, failures, concurrency, expiry.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import { defineRoute } from '../../src/contract/route.ts';
import { purgeExpiredIdempotencyKeys, requestHash } from '../../src/server/http/idempotency.ts';
import { problemResult } from '../../src/server/http/problem.ts';
import { route } from '../../src/server/http/route.ts';
import pg from 'pg';
import { backends, postJson, startTestServer, type TestServer } from '../support/server.ts';

const createThing = defineRoute({
  method: 'post', path: '/test/things', operationId: 'testCreateThing', summary: 'Creates a thing', tags: ['test'],
  body: z.object({ name: z.string().check(z.minLength(1)) }), idempotent: true,
  responses: { 201: { description: 'Created.' } },
});

/** What the next handler run should do, set by a test. */
const behaviour = {
  throwOnce: false,
  answer503Once: false,
  /** Resolves when a handler run reaches its gate; the run waits for `release()`. */
  gate: undefined as undefined | { reached: () => void; released: Promise<void> },
};

const setup = async (db: import('../../src/server/db/types.ts').Database) => {
  await db.exec('CREATE TABLE test_things (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL)');
};

const thingCount = async (s: TestServer, name: string) =>
  (await s.db.query<{ n: number }>('SELECT count(*) AS n FROM test_things WHERE name = $1', [name])).rows[0]!.n;

const keyRow = async (s: TestServer, key: string) =>
  (await s.db.query<{ state: string; lease: string; response_status: number | null }>('SELECT state, lease, response_status FROM idempotency_keys WHERE key = $1', [key])).rows[0];

/** POST with `key` as Idempotency-Key (a fresh one by default, none when null). */
const post = (s: TestServer, body: unknown, key: string | null = randomUUID()) =>
  s.fetch('/api/test/things', postJson(body, key === null ? {} : { 'Idempotency-Key': key }));

for (const backend of backends()) {
  describe(`idempotency (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({
        backend,
        setup,
        extend: (app) => {
          route(app, createThing, async (tx, { body }) => {
            if (behaviour.gate) {
              const gate = behaviour.gate;
              behaviour.gate = undefined;
              gate.reached();
              await gate.released;
            }
            if (body.name === 'taken') return problemResult(409, 'conflict', { detail: 'Name taken.' });
            const { rows } = await tx.query<{ id: string }>('INSERT INTO test_things (name) VALUES ($1) RETURNING id', [body.name]);
            if (behaviour.throwOnce) {
              behaviour.throwOnce = false;
              throw new Error('handler crashed after writing');
            }
            if (behaviour.answer503Once) {
              behaviour.answer503Once = false;
              return { status: 503, body: { oops: true } };
            }
            const id = rows[0]!.id;
            return { status: 201, body: { id, name: body.name }, headers: { Location: `/api/test/things/${id}` } };
          });
        },
      });
    });
    after(() => s.close());
    beforeEach(() => {
      Object.assign(behaviour, { throwOnce: false, answer503Once: false, gate: undefined });
    });

    it('requires a UUID Idempotency-Key', async () => {
      for (const key of [null, 'not-a-uuid', '1234', `${randomUUID()}x`]) {
        const res = await post(s, { name: 'no-key' }, key);
        assert.equal(res.status, 400);
        assert.equal(((await res.json()) as { type: string }).type, PROBLEM_TYPES.idempotencyKeyMissing);
      }
      assert.equal(await thingCount(s, 'no-key'), 0);
    });

    it('replays the stored response for the same key and body', async () => {
      const key = randomUUID();
      const first = await post(s, { name: 'replayed' }, key);
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('idempotent-replayed'), null);
      const firstBody = await first.json();
      // Same body with keys in another order and extra whitespace is the same request.
      const again = await s.fetch('/api/test/things', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key.toUpperCase() }, body: ' { "name" : "replayed" } ' });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(again.headers.get('location'), first.headers.get('location'));
      assert.deepEqual(await again.json(), firstBody);
      assert.equal(await thingCount(s, 'replayed'), 1);
    });

    it('stores and replays a 4xx the handler decided', async () => {
      const key = randomUUID();
      const first = await post(s, { name: 'taken' }, key);
      assert.equal(first.status, 409);
      assert.equal(first.headers.get('content-type'), 'application/problem+json');
      const again = await post(s, { name: 'taken' }, key);
      assert.equal(again.status, 409);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(((await again.json()) as { detail: string }).detail, 'Name taken.');
    });

    it('answers 422 when the key is reused with a different body', async () => {
      const key = randomUUID();
      assert.equal((await post(s, { name: 'original' }, key)).status, 201);
      const res = await post(s, { name: 'different' }, key);
      assert.equal(res.status, 422);
      assert.equal(((await res.json()) as { type: string }).type, PROBLEM_TYPES.idempotencyMismatch);
      assert.equal(await thingCount(s, 'different'), 0);
    });

    it('answers 409 while another attempt with the key holds its lock, and runs once that connection dies', { skip: backend === 'pglite' && 'PGlite has one connection: no other session can hold the lock' }, async () => {
      const key = randomUUID();
      // Another server's attempt, in the middle of its transaction: it holds the key's lock on its own connection.
      const { rows: [db] } = await s.db.query<{ name: string }>('SELECT current_database() AS name');
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${db!.name}`;
      const other = new pg.Client({ connectionString: url.toString() });
      await other.connect();
      other.on('error', () => undefined);
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`POST /test/things\n${key}`]);
      const res = await post(s, { name: 'in-flight' }, key);
      assert.equal(res.status, 409);
      assert.equal(((await res.json()) as { type: string }).type, PROBLEM_TYPES.idempotencyConflict);
      assert.equal(res.headers.get('retry-after'), '1');
      // That server dies: its connection closes without a word, and PostgreSQL releases the lock.
      const { rows: [backendPid] } = await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      (other as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      for (let i = 0; i < 50; i++) {
        const { rows } = await s.db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [backendPid!.pid]);
        if (rows.length === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const retry = await post(s, { name: 'in-flight' }, key);
      assert.equal(retry.status, 201, 'the key is free once the connection holding it is gone');
      assert.equal(await thingCount(s, 'in-flight'), 1);
    });

    it('answers 409 to a retry that arrives while the first is inside its handler', { skip: backend === 'pglite' && 'PGlite runs one statement at a time: the retry waits instead' }, async () => {
      const key = randomUUID();
      let reached!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((r) => (reached = r));
      behaviour.gate = { reached: () => reached(), released: new Promise<void>((r) => (release = r)) };
      const first = post(s, { name: 'gated' }, key);
      await arrived;
      const second = await post(s, { name: 'gated' }, key);
      assert.equal(second.status, 409);
      release();
      assert.equal((await first).status, 201);
      const third = await post(s, { name: 'gated' }, key);
      assert.equal(third.headers.get('idempotent-replayed'), 'true');
      assert.equal(await thingCount(s, 'gated'), 1);
    });

    it('runs a key left running by an attempt that died under an older version (nothing of it was committed)', async () => {
      const key = randomUUID();
      const hash = requestHash({}, { name: 'crashed' });
      await s.db.query(
        `INSERT INTO idempotency_keys (key, scope, request_hash, state, lease) VALUES ($1, 'POST /test/things', $2, 'running', $3)`,
        [key, hash, randomUUID()],
      );
      const res = await post(s, { name: 'crashed' }, key);
      assert.equal(res.status, 201);
      assert.equal((await keyRow(s, key))?.state, 'done');
      assert.equal(await thingCount(s, 'crashed'), 1);
      assert.ok(s.logs.some((l) => l.msg === 'idempotency key of an attempt that died taken over'));
    });

    it('forgets a key whose handler threw, rolling back its writes, so a retry runs', async () => {
      const key = randomUUID();
      behaviour.throwOnce = true;
      const first = await post(s, { name: 'flaky' }, key);
      assert.equal(first.status, 500);
      assert.equal(await keyRow(s, key), undefined);
      assert.equal(await thingCount(s, 'flaky'), 0);
      const retry = await post(s, { name: 'flaky' }, key);
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('idempotent-replayed'), null);
      assert.equal(await thingCount(s, 'flaky'), 1);
    });

    it('does not store a 5xx answer: its writes roll back and the key is released', async () => {
      const key = randomUUID();
      behaviour.answer503Once = true;
      const first = await post(s, { name: 'unavailable' }, key);
      assert.equal(first.status, 503);
      assert.equal(await thingCount(s, 'unavailable'), 0);
      assert.equal(await keyRow(s, key), undefined);
      assert.equal((await post(s, { name: 'unavailable' }, key)).status, 201);
      assert.equal(await thingCount(s, 'unavailable'), 1);
    });

    it('creates exactly one record under 20 concurrent identical requests', async () => {
      const key = randomUUID();
      const responses = await Promise.all(Array.from({ length: 20 }, () => post(s, { name: 'stampede' }, key)));
      const statuses = responses.map((r) => r.status);
      assert.ok(statuses.every((st) => st === 201 || st === 409), statuses.join(','));
      const created = responses.filter((r) => r.status === 201);
      assert.ok(created.length >= 1);
      const ids = new Set(await Promise.all(created.map(async (r) => ((await r.json()) as { id: string }).id)));
      assert.equal(ids.size, 1, 'every 201 carries the same record');
      assert.equal(created.filter((r) => r.headers.get('idempotent-replayed') !== 'true').length, 1, 'one original, the rest replays');
      assert.equal(await thingCount(s, 'stampede'), 1);
      const later = await post(s, { name: 'stampede' }, key);
      assert.equal(later.status, 201);
      assert.equal(later.headers.get('idempotent-replayed'), 'true');
    });

    it('creates one record per key under 20 concurrent requests with different keys', async () => {
      const responses = await Promise.all(Array.from({ length: 20 }, () => post(s, { name: 'crowd' })));
      assert.deepEqual(responses.map((r) => r.status), Array(20).fill(201));
      assert.equal(await thingCount(s, 'crowd'), 20);
    });

    it('purges keys older than the time to live', async () => {
      const old = randomUUID();
      const fresh = randomUUID();
      await s.db.query(
        `INSERT INTO idempotency_keys (key, scope, request_hash, state, lease, response_status, created_at) VALUES
           ($1, 'POST /test/things', 'h', 'done', $3, 201, now() - interval '25 hours'),
           ($2, 'POST /test/things', 'h', 'done', $3, 201, now() - interval '23 hours')`,
        [old, fresh, randomUUID()],
      );
      assert.ok((await purgeExpiredIdempotencyKeys(s.db, 24 * 3600_000)) >= 1);
      assert.equal(await keyRow(s, old), undefined);
      assert.equal((await keyRow(s, fresh))?.state, 'done');
    });
  });
}
