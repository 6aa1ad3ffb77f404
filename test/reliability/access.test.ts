/**
 * Access: nobody gets in who should not. Origins outside KENTRO_ALLOWED_ORIGINS are refused (preflight and the
 * request itself, before anything is written); state changes accept only application/json; the staff API wants
 * its token and blocks a client that keeps guessing; a manage token, a guardian token and a referral status
 * code each open their own record and nothing else. Every refused request is checked to have changed nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import { routes } from '../../src/contract/routes.ts';
import { backends, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.ts';
import { closeRawAgent, sendRaw, type RawRequest } from './raw-request.ts';
import { makeRecords, type Records } from './records.ts';
import { fingerprint, stateChanges, type StateChange } from './state-changes.ts';

const ALLOWED = 'https://www.kentro-dimou.example.gr';
const FOREIGN = [
  'https://evil.example', 'https://www.kentro-dimou.example.gr.evil.example', 'http://www.kentro-dimou.example.gr',
  'https://www.kentro-dimou.example.gr:8443', 'https://kentro-dimou.example.gr', 'null',
];

let clients = 0;
/** A client address of its own (the server trusts X-Forwarded-For here), so rate limits of one test do not touch another. */
const newClient = () => `10.9.${Math.floor(++clients / 250)}.${clients % 250}`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown> | undefined;
}

async function send(s: TestServer, req: RawRequest & { client?: string }): Promise<Answer> {
  const outcome = await sendRaw(s.url, { ...req, headers: { 'X-Forwarded-For': req.client ?? newClient(), ...req.headers } });
  if (!outcome.ok) throw new Error(`${req.method} ${req.target}: ${outcome.error}`);
  const { status, headers, text } = outcome.response;
  // JSON answers only: a staff route may answer another format (the metrics are Prometheus text).
  const isJson = /json/.test(String(headers['content-type']));
  return { status, headers, json: text && isJson ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** Asserts a problem answer of `status` and `type`. */
function assertProblem(a: Answer, status: number, type: string, what: string) {
  assert.equal(a.status, status, `${what}: status`);
  assert.equal(String(a.headers['content-type']).split(';')[0], 'application/problem+json', `${what}: content type`);
  assert.equal(a.json?.type, type, `${what}: problem type`);
  assert.equal(a.json?.status, status, `${what}: problem status`);
}

const asJson = (c: StateChange, extra: Record<string, string> = {}): RawRequest => ({
  method: c.method, target: c.target, headers: { ...c.headers, ...(c.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...extra },
  ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
});

for (const backend of backends()) {
  describe(`access (${backend})`, () => {
    let s: TestServer;
    let r: Records;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { allowedOrigins: [ALLOWED], trustedProxies: ['127.0.0.1'], jobsIntervalMs: 0 } });
      r = await makeRecords(s);
    });
    after(async () => {
      await s.close();
      closeRawAgent();
    });

    it('lists a request for every state-changing operation of the contract', () => {
      const changes = stateChanges(r);
      assert.deepEqual(changes.map((c) => c.operationId).sort(), routes.filter((x) => x.method !== 'get').map((x) => x.operationId).sort());
    });

    it('refuses preflights from other origins, and answers those of the allowed one', async () => {
      for (const c of stateChanges(r)) {
        const preflight = (origin: string) => send(s, {
          method: 'OPTIONS', target: c.target,
          headers: { Origin: origin, 'Access-Control-Request-Method': c.method, 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
        });
        for (const origin of FOREIGN) {
          const a = await preflight(origin);
          assertProblem(a, 403, PROBLEM_TYPES.forbiddenOrigin, `preflight ${c.operationId} from ${origin}`);
          assert.equal(a.headers['access-control-allow-origin'], undefined, `no CORS grant for ${origin}`);
        }
        const ok = await preflight(ALLOWED);
        assert.equal(ok.status, 204, `preflight ${c.operationId} from the allowed origin`);
        assert.equal(ok.headers['access-control-allow-origin'], ALLOWED);
        assert.match(String(ok.headers['access-control-allow-methods']), new RegExp(`\\b${c.method}\\b`));
      }
    });

    it('refuses state changes from other origins before anything is written', async () => {
      const before = await fingerprint(s.db);
      for (const c of stateChanges(r)) {
        for (const origin of FOREIGN) {
          const a = await send(s, asJson(c, { Origin: origin }));
          assertProblem(a, 403, PROBLEM_TYPES.forbiddenOrigin, `${c.operationId} from ${origin}`);
          assert.equal(a.headers['access-control-allow-origin'], undefined);
        }
      }
      assert.deepEqual(await fingerprint(s.db), before, 'nothing was written');
    });

    it('accepts state changes only as application/json (415 for text, forms and multipart), before anything is written', async () => {
      const before = await fingerprint(s.db);
      for (const c of stateChanges(r)) {
        const json = JSON.stringify(c.body ?? {});
        const bodies: [string, string][] = [
          ['text/plain', json],
          ['text/plain;charset=UTF-8', json],
          ['application/x-www-form-urlencoded', `data=${encodeURIComponent(json)}`],
          ['multipart/form-data; boundary=kentro', `--kentro\r\nContent-Disposition: form-data; name="data"\r\n\r\n${json}\r\n--kentro--\r\n`],
          ['application/json-patch+json', json],
        ];
        for (const [type, body] of bodies) {
          const a = await send(s, { method: c.method, target: c.target, headers: { ...c.headers, 'Content-Type': type, Origin: ALLOWED }, body });
          assertProblem(a, 415, PROBLEM_TYPES.unsupportedMediaType, `${c.operationId} as ${type}`);
        }
        const untyped = await send(s, { method: c.method, target: c.target, headers: { ...c.headers }, body: json });
        assertProblem(untyped, 415, PROBLEM_TYPES.unsupportedMediaType, `${c.operationId} without a Content-Type`);
      }
      assert.deepEqual(await fingerprint(s.db), before, 'nothing was written');
    });

    it('answers staff routes without the right token with 401, and with it 2xx', async () => {
      const staff = routes.filter((x) => x.admin);
      assert.ok(staff.length >= 4);
      const wrong: (string | undefined)[] = [
        undefined, '', 'Bearer', `Bearer ${TEST_ADMIN_TOKEN}x`, `Bearer ${TEST_ADMIN_TOKEN.slice(0, -1)}`, `Basic ${btoa(`admin:${TEST_ADMIN_TOKEN}`)}`,
        TEST_ADMIN_TOKEN, `Bearer ${r.adult.manageToken}`, `Bearer ${r.minor.guardianToken}`, `Bearer ${r.referrals[0]!.statusToken}`,
      ];
      const before = await fingerprint(s.db);
      for (const route of staff) {
        const c = stateChanges(r).find((x) => x.operationId === route.operationId);
        const target = c?.target ?? `/api${route.path}`;
        for (const authorization of wrong) {
          const headers: Record<string, string> = authorization === undefined ? {} : { Authorization: authorization };
          const req = c ? asJson({ ...c, headers: {} }, headers) : { method: 'GET', target, headers };
          const a = await send(s, req);
          assertProblem(a, 401, PROBLEM_TYPES.unauthorized, `${route.operationId} with ${String(authorization)}`);
          assert.match(String(a.headers['www-authenticate']), /^Bearer /);
        }
        // The token in the query string is not a token.
        const inQuery = await send(s, { method: 'GET', target: `${target.split('?')[0]}?token=${TEST_ADMIN_TOKEN}&access_token=${TEST_ADMIN_TOKEN}`, headers: {} });
        assert.equal(inQuery.status, 401, `${route.operationId}: token in the query`);
      }
      assert.deepEqual(await fingerprint(s.db), before, 'nothing was written');
      for (const route of staff.filter((x) => x.method === 'get')) {
        const a = await send(s, { method: 'GET', target: `/api${route.path}`, headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
        assert.equal(a.status, 200, `${route.operationId} with the staff token`);
      }
    });

    it('lets no other spelling of a staff path past the token check', async () => {
      const spellings = [
        '/api/admin/../admin/referrals', '/api/volunteering/../admin/referrals', '/api/./admin/referrals', '/api/%2e%2e/api/admin/referrals',
        '/api//admin/referrals', '/api/admin//referrals', '//api/admin/referrals', '/api/%61dmin/referrals', '/api/ADMIN/referrals', '/api/Admin/Referrals',
        '/api/admin/referrals/', '/api/admin%2freferrals', '/api/admin/referrals;x', '/api/admin/referrals%00', '/api/admin/referrals.json',
        '/api/admin/intake/requests/..%2f..%2freferrals', '/api/admin/volunteering/signups?format=csv',
      ];
      for (const target of spellings) {
        const a = await send(s, { method: 'GET', target, headers: {} });
        assert.ok(a.status === 401 || a.status === 404, `${target}: ${a.status}`);
        assert.equal(String(a.headers['content-type']).split(';')[0], 'application/problem+json', target);
      }
    });

    it('blocks a client that keeps guessing the staff token (429, even for the right token), not the others', async () => {
      const client = newClient();
      const guess = (authorization: string) =>
        send(s, { method: 'GET', target: '/api/admin/referrals', headers: { Authorization: authorization }, client });
      const limit = s.config.adminFailuresPerWindow;
      for (let i = 0; i < limit; i++) assert.equal((await guess(`Bearer guess-${i}-0123456789abcdef`)).status, 401, `guess ${i + 1}`);
      const blocked = await guess('Bearer one-more-guess-0123456789');
      assertProblem(blocked, 429, PROBLEM_TYPES.rateLimited, 'over the limit');
      assert.ok(Number(blocked.headers['retry-after']) > 0, 'Retry-After');
      assertProblem(await guess(`Bearer ${TEST_ADMIN_TOKEN}`), 429, PROBLEM_TYPES.rateLimited, 'the right token while blocked');
      const other = await send(s, { method: 'GET', target: '/api/admin/referrals', headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
      assert.equal(other.status, 200, 'another client is not blocked');
    });

    it('opens a signup with its own manage token only: never another signup, nor a guardian request', async () => {
      const view = async (token: string) => send(s, { method: 'GET', target: `/api/volunteering/signups/${token}`, headers: {} });
      const adult = await view(r.adult.manageToken);
      const minor = await view(r.minor.manageToken);
      assert.equal(adult.status, 200);
      assert.equal(minor.status, 200);
      assert.notEqual(adult.json!.reference, minor.json!.reference);
      assert.equal(adult.json!.firstName, r.adult.name.split(' ')[0]);
      assert.equal(minor.json!.firstName, r.minor.name.split(' ')[0]);
      const shiftsOf = (a: Answer) => (a.json!.bookings as { shift: { id: string } }[]).map((b) => b.shift.id).sort();
      assert.deepEqual(shiftsOf(adult), [...r.adult.shiftIds].sort());
      assert.deepEqual(shiftsOf(minor), [...r.minor.shiftIds].sort());

      const before = await fingerprint(s.db);
      // Each token against the other's shift: 404, and nothing cancelled.
      const cross = [
        [r.adult.manageToken, r.minor.shiftIds[0]!],
        [r.minor.manageToken, r.adult.shiftIds[0]!],
      ] as const;
      for (const [token, shiftId] of cross) {
        const a = await send(s, { method: 'DELETE', target: `/api/volunteering/signups/${token}?shiftId=${shiftId}`, headers: {} });
        assertProblem(a, 404, PROBLEM_TYPES.notFound, 'cancelling another signup\'s shift');
      }
      // A guardian token is not a manage token, and the other way round.
      assertProblem(await view(r.minor.guardianToken), 404, PROBLEM_TYPES.notFound, 'guardian token as a manage token');
      for (const token of [r.adult.manageToken, r.minor.manageToken]) {
        const seen = await send(s, { method: 'GET', target: `/api/volunteering/guardian/${token}`, headers: {} });
        assertProblem(seen, 404, PROBLEM_TYPES.notFound, 'manage token as a guardian token');
        const decided = await send(s, asJson({ operationId: 'x', method: 'POST', target: `/api/volunteering/guardian/${token}`, headers: {}, body: { decision: 'confirm' } }));
        assertProblem(decided, 404, PROBLEM_TYPES.notFound, 'a guardian decision with a manage token');
      }
      const cal = await send(s, { method: 'GET', target: `/api/volunteering/signups/${r.minor.guardianToken}.ics`, headers: {} });
      assert.equal(cal.status, 404, 'guardian token as a calendar token');
      assert.deepEqual(await fingerprint(s.db), before, 'nothing was cancelled or decided');

      const guardian = await send(s, { method: 'GET', target: `/api/volunteering/guardian/${r.minor.guardianToken}`, headers: {} });
      assert.equal(guardian.status, 200);
      assert.equal(guardian.json!.reference, minor.json!.reference, 'the guardian sees the minor\'s signup');
    });

    it('shows a referral\'s status for its own code only', async () => {
      const [a, b] = r.referrals as [Records['referrals'][0], Records['referrals'][0]];
      const status = (reference: string, code: string) =>
        send(s, { method: 'GET', target: `/api/referrals/${encodeURIComponent(reference)}/status`, headers: { Authorization: `Bearer ${code}` } });
      for (const own of [a, b]) {
        const ok = await status(own.reference, own.statusToken);
        assert.equal(ok.status, 200);
        assert.equal(ok.json!.reference, own.reference);
      }
      for (const [reference, code] of [[a.reference, b.statusToken], [b.reference, a.statusToken], [r.intakeReference, a.statusToken], [a.reference, r.adult.manageToken], [a.reference, TEST_ADMIN_TOKEN]]) {
        assertProblem(await status(reference!, code!), 404, PROBLEM_TYPES.notFound, `reference ${reference} with another code`);
      }
      const inQuery = await send(s, { method: 'GET', target: `/api/referrals/${encodeURIComponent(a.reference)}/status?code=${a.statusToken}`, headers: {} });
      assertProblem(inQuery, 401, PROBLEM_TYPES.unauthorized, 'the code in the query string is not accepted');
    });
  });
}
