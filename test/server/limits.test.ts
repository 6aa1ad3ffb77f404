/** Rate limits, the staff token and the human check on public forms. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { HumanCheck, PROBLEM_TYPES } from '../../src/contract/common.ts';
import { defineRoute } from '../../src/contract/route.ts';
import { ADMIN_TOKEN_SETTING, ensureAdminToken } from '../../src/server/admin-token.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { FormTokens, verifyHumanCheck } from '../../src/server/http/human-check.ts';
import { route } from '../../src/server/http/route.ts';
import { getSetting } from '../../src/server/settings.ts';
import { backends, openTestDatabase, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.ts';

const ping = defineRoute({
  method: 'post', path: '/test/ping', operationId: 'testPing', summary: 'Ping', tags: ['test'],
  body: z.object({}), responses: { 200: { description: 'Pong.' } },
});
const staffPing = defineRoute({
  method: 'get', path: '/admin/ping', operationId: 'testStaffPing', summary: 'Staff ping', tags: ['test'], admin: true,
  responses: { 200: { description: 'Pong.' } },
});
const publicForm = defineRoute({
  method: 'post', path: '/test/form', operationId: 'testForm', summary: 'A public form', tags: ['test'],
  body: z.extend(HumanCheck, { message: z.string() }), responses: { 200: { description: 'Accepted.' } },
});

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit =>
  ({ method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

const problemType = async (res: Response) => ((await res.json()) as { type: string }).type;

for (const backend of backends()) {
  describe(`limits and checks (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({
        backend,
        config: { rateLimitPerMin: 3, adminFailuresPerWindow: 3, minFillMs: 400 },
        extend: (app, deps) => {
          route(app, ping, (_input, c) => c.json({ pong: true }));
          route(app, staffPing, (_input, c) => c.json({ pong: 'staff' }));
          route(app, publicForm, (input, c) => {
            verifyHumanCheck(input.body, deps);
            return c.json({ accepted: true });
          });
        },
      });
    });
    after(() => s.close());

    it('limits state-changing requests per client with 429 and Retry-After, not reads', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await s.fetch('/api/test/ping', json({}))).status, 200);
      const limited = await s.fetch('/api/test/ping', json({}));
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('content-type'), 'application/problem+json');
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
      assert.equal(await problemType(limited), PROBLEM_TYPES.rateLimited);
      assert.equal((await s.fetch('/api/health')).status, 200, 'GETs are not limited');
    });

    it('refuses staff routes without the right bearer token (401)', async () => {
      const none = await s.fetch('/api/admin/ping');
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="kentro-admin"');
      assert.equal(await problemType(none), PROBLEM_TYPES.unauthorized);
      const ok = await s.fetch('/api/admin/ping', { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
      assert.equal(ok.status, 200);
      assert.deepEqual(await ok.json(), { pong: 'staff' });
      assert.equal(ok.headers.get('cache-control'), 'no-store');
    });

    it('blocks a client after repeated wrong tokens, even with the right one next (429)', async () => {
      for (const wrong of ['Bearer wrong-1', 'Bearer wrong-2', 'Basic dXNlcjpwYXNz']) {
        assert.equal((await s.fetch('/api/admin/ping', { headers: { Authorization: wrong } })).status, 401);
      }
      const blocked = await s.fetch('/api/admin/ping', { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
      assert.equal(blocked.status, 429);
      assert.ok(Number(blocked.headers.get('retry-after')) > 60, 'blocked for the rest of the 15-minute window');
    });

    it('answers 408 and closes the connection of a request whose body never finishes arriving', async () => {
      const slow = await startTestServer({ backend, config: { requestTimeoutMs: 500 } });
      try {
        const { port } = new URL(slow.url);
        const socket = connect(Number(port), '127.0.0.1');
        await once(socket, 'connect');
        let answer = '';
        socket.on('data', (d: Buffer) => { answer += d.toString('latin1'); });
        socket.write('POST /api/intake/requests HTTP/1.1\r\nHost: kentro\r\nContent-Type: application/json\r\nIdempotency-Key: 7d9c5f0e-8a4b-4c1d-9e2f-3a5b6c7d8e9f\r\nContent-Length: 1000\r\n\r\n{"a":');
        // A liveness bound, not a timing assertion: the server must end it well before this.
        const bound = setTimeout(() => socket.destroy(new Error('still open after 20 s')), 20_000);
        await once(socket, 'close');
        clearTimeout(bound);
        assert.match(answer, /^HTTP\/1\.1 408 /);
      } finally {
        await slow.close();
      }
    });

    it('hands out signed form tokens that are not cached', async () => {
      const res = await s.fetch('/api/form-token');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const { token } = (await res.json()) as { token: string };
      assert.match(token, /^v1\.\d+\.[\w-]{43}$/);
    });

    describe('human check', () => {
      // The rate limit above has used this client's budget: check the function directly, then one request.
      let tokens: FormTokens;
      const deps = () => ({ config: s.config, formTokens: tokens });
      before(async () => {
        tokens = await FormTokens.load(s.db);
      });

      const expectTooFast = (fn: () => void, detail: RegExp) =>
        assert.throws(fn, (err: { status?: number; kind?: string; message?: string }) =>
          err.status === 400 && err.kind === 'tooFast' && detail.test(err.message ?? ''));

      it('accepts a token older than the minimum fill time with an empty honeypot', () => {
        const now = Date.now();
        const token = tokens.issue(now - 500);
        verifyHumanCheck({ renderedAt: token, website: '' }, deps(), now);
        verifyHumanCheck({ renderedAt: token }, deps(), now);
      });

      it('refuses a filled honeypot', () => {
        const now = Date.now();
        expectTooFast(() => verifyHumanCheck({ renderedAt: tokens.issue(now - 5000), website: 'http://spam.example' }, deps(), now), /could not be accepted/);
      });

      it('refuses a form sent faster than a person could fill it', () => {
        const now = Date.now();
        expectTooFast(() => verifyHumanCheck({ renderedAt: tokens.issue(now - 100) }, deps(), now), /too quickly/);
      });

      it('refuses missing, forged, tampered and expired tokens', () => {
        const now = Date.now();
        const good = tokens.issue(now - 5000);
        const tampered = good.replace(/^v1\.\d+/, `v1.${now - 9000}`);
        for (const renderedAt of [undefined, '', 'v1.123.abc', tampered, tokens.issue(now - 25 * 3600_000)]) {
          expectTooFast(() => verifyHumanCheck({ renderedAt }, deps(), now), /expired|not loaded/);
        }
      });

      it('skips the timing (not the honeypot) when the minimum fill time is 0', () => {
        const off = { config: { minFillMs: 0 }, formTokens: tokens };
        verifyHumanCheck({}, off);
        expectTooFast(() => verifyHumanCheck({ website: 'x' }, off), /could not be accepted/);
      });

      it('answers public POSTs over HTTP: too fast, then accepted; honeypot and foreign tokens refused', async () => {
        const { token: foreign } = (await (await s.fetch('/api/form-token')).json()) as { token: string };
        // A fresh server (this client has used up the rate limit above), with its own database and secret.
        const fresh = await startTestServer({
          backend,
          config: { minFillMs: 300 },
          extend: (app, d) => route(app, publicForm, (input, c) => (verifyHumanCheck(input.body, d), c.json({ accepted: true }))),
        });
        try {
          const { token } = (await (await fresh.fetch('/api/form-token')).json()) as { token: string };
          const early = await fresh.fetch('/api/test/form', json({ message: 'hi', renderedAt: token, website: '' }));
          assert.equal(early.status, 400);
          const body = (await early.json()) as { type: string; waitMs: number };
          assert.equal(body.type, PROBLEM_TYPES.tooFast);
          assert.ok(body.waitMs > 0 && body.waitMs <= 300);
          await new Promise((r) => setTimeout(r, 350));
          const ok = await fresh.fetch('/api/test/form', json({ message: 'hi', renderedAt: token, website: '' }));
          assert.equal(ok.status, 200);
          assert.deepEqual(await ok.json(), { accepted: true });
          const bot = await fresh.fetch('/api/test/form', json({ message: 'hi', renderedAt: token, website: 'spam' }));
          assert.equal(bot.status, 400);
          const other = await fresh.fetch('/api/test/form', json({ message: 'hi', renderedAt: foreign }));
          assert.equal(other.status, 400, 'a token signed by another database is not valid here');
        } finally {
          await fresh.close();
        }
      });
    });
  });

  describe(`staff token storage (${backend})`, () => {
    it('stores only a hash, generates a token once when none is configured, and lets the configured one win', async () => {
      const t = await openTestDatabase(backend);
      try {
        await migrate(t.db);
        const first = await ensureAdminToken(t.db, undefined);
        assert.ok(first.generated && first.generated.length >= 40);
        const stored = await getSetting(t.db, ADMIN_TOKEN_SETTING);
        assert.equal(stored, createHash('sha256').update(first.generated).digest('hex'));
        assert.ok(!stored!.includes(first.generated));
        assert.deepEqual(await ensureAdminToken(t.db, undefined), {}, 'not generated (nor shown) again');
        assert.deepEqual(await ensureAdminToken(t.db, 'configured-token-0123456789'), {});
        assert.equal(await getSetting(t.db, ADMIN_TOKEN_SETTING), createHash('sha256').update('configured-token-0123456789').digest('hex'));
      } finally {
        await t.drop();
      }
    });
  });
}
