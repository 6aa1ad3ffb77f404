/**
 * Two server processes on one PostgreSQL behind Debian's nginx (round robin), as a region would run Kentro:
 * - PostgreSQL drops every connection in the middle of a burst (what a restart or `pg_terminate_backend` does):
 *   both processes stay up, the clients in flight are answered 503 with Retry-After and succeed when they retry with
 *   the same Idempotency-Key, and every acknowledged submission is stored exactly once;
 * - the public rate limit and the staff-token lockout are counted once for the cluster: requests spread over both
 *   processes by the balancer are limited as one server would limit them, a client that reaches a process directly
 *   cannot claim another address, and a restarted process still knows;
 * - a process killed while a submission is in flight leaves no key behind: as soon as PostgreSQL has dropped that
 *   process's connection, the retry on the other process runs the submission (no lease to wait out).
 * Each simulated client has an address of its own on the loopback network (127.0.0.x).
 * Needs DATABASE_URL and nginx (`.ci/run` provides both); skipped otherwise.
 *
 * And the embedded database: a second process on the same PGlite folder is refused before it opens anything
 * (two would both run and silently lose data), and the folder of a process that was killed is taken over.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { request, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import { intakeBody } from '../support/intake.ts';
import { hasNginx, startNginx, type Nginx } from '../support/nginx.ts';
import { CHILD_ADMIN_TOKEN, childData, startChild, type Child, type ChildData } from './child-server.ts';

const RATE_LIMIT = 20;
const ADMIN_FAILURES = 10;

interface Answer { status: number; headers: IncomingHttpHeaders; text: string }
interface Send { method?: string; path: string; headers?: Record<string, string>; body?: string; from: string }

/** One request on a fresh connection from the local address `from` (so each simulated client has its own). */
function send(origin: string, req: Send): Promise<Answer | { error: string }> {
  const url = new URL(origin);
  const headers = { ...req.headers, ...(req.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(req.body)) }) };
  return new Promise((resolve) => {
    const r = request({ host: url.hostname, port: url.port, method: req.method ?? 'GET', path: req.path, headers, localAddress: req.from, agent: false, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (err) => resolve({ error: err.message }));
    });
    r.on('timeout', () => r.destroy(new Error('no answer')));
    r.on('error', (err) => resolve({ error: err.message }));
    r.end(req.body);
  });
}

const statusOf = (a: Answer | { error: string }) => ('status' in a ? a.status : 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` (bounded: a liveness limit, not a timing assertion). */
async function waitFor(what: string, check: () => Promise<boolean>, tries = 300, everyMs = 100) {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`gave up waiting for ${what}`);
}

const intakePost = (key: string, body: unknown, from: string): Send => ({
  method: 'POST', path: '/api/intake/requests', from, body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
});

interface Seen { unavailable: number; conflicts: number; network: number }

/** The widgets' client: the same key and body until a final answer; waits as `Retry-After` says (at most 5 s). */
async function submitUntilAnswered(origin: string, req: Send, seen: Seen): Promise<Answer> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await send(origin, req);
    if (!('status' in answer)) {
      seen.network++;
      await sleep(200);
      continue;
    }
    if (answer.status === 503 || answer.status === 409) {
      if (answer.status === 503) seen.unavailable++;
      else if ((JSON.parse(answer.text) as { type: string }).type === PROBLEM_TYPES.idempotencyConflict) seen.conflicts++;
      else return answer;
      await sleep(Math.min(5, Number(answer.headers['retry-after'] ?? 1)) * 1000);
      continue;
    }
    return answer;
  }
  throw new Error('no final answer after 60 attempts');
}

describe('cluster: two servers on one PostgreSQL behind nginx', {
  skip: !process.env.DATABASE_URL ? 'needs PostgreSQL (DATABASE_URL)' : !hasNginx() ? 'needs nginx (apt-get install nginx; .ci/run installs it)' : false,
}, () => {
  let data: ChildData;
  let a: Child;
  let b: Child;
  let lb: Nginx;
  let holder: pg.Client;
  const env = { KENTRO_RATE_LIMIT_PER_MIN: String(RATE_LIMIT), KENTRO_TRUSTED_PROXIES: '127.0.0.1', KENTRO_LOG_LEVEL: 'error' };

  /** Backends of this database: `pg_stat_activity` is read afresh (inside a transaction it is a snapshot taken once). */
  const activity = async (where: string, params: unknown[] = []) => {
    await holder.query('SELECT pg_stat_clear_snapshot()');
    return (await holder.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND ${where}`, params)).rows;
  };

  /** Rows whose description holds `marker`. */
  const storedFor = async (marker: string) =>
    (await holder.query<{ reference: string }>('SELECT reference FROM intake_requests WHERE strpos(description, $1) > 0', [marker])).rows.map((r) => r.reference);

  before(async () => {
    data = await childData('postgres');
    a = await startChild(data, env); // seeds the demo data first
    b = await startChild(data, env);
    lb = await startNginx([a.url, b.url]);
    holder = new pg.Client({ connectionString: data.env.DATABASE_URL });
    holder.on('error', () => undefined);
    await holder.connect();
  });
  after(async () => {
    await holder?.end().catch(() => undefined);
    await lb?.stop();
    await a?.kill9();
    await b?.kill9();
    await data?.drop();
  });

  it('keeps both servers up when PostgreSQL drops every connection mid-burst; clients get 503, then each submission is stored once', async () => {
    // Hold inserts back so the burst is certainly in flight, inside its transactions, when the connections drop.
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE intake_requests IN SHARE ROW EXCLUSIVE MODE');
    const seen: Seen = { unavailable: 0, conflicts: 0, network: 0 };
    const run = randomUUID().slice(0, 8);
    const list = Array.from({ length: 40 }, (_, i) => {
      const marker = `⟨cluster-${run}-${i}⟩`;
      return { marker, req: intakePost(randomUUID(), intakeBody({ description: `Χρειάζομαι βοήθεια. ${marker}` }), `127.0.0.${20 + i}`) };
    });
    const answers = Promise.all(list.map((s) => submitUntilAnswered(lb.url, s.req, seen)));
    await waitFor('the burst to wait on the table lock', async () => (await activity(`wait_event_type = 'Lock'`)).length >= 10);
    const { rows: [dropped] } = await holder.query<{ n: number }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    await holder.query('COMMIT');
    const results = await answers;

    assert.ok(dropped!.n >= 10, `connections dropped: ${dropped!.n}`);
    assert.ok(a.alive() && b.alive(), `a server process ended:\n${a.output()}\n${b.output()}`);
    for (const server of [a, b]) {
      assert.equal((await server.fetch('/api/health/live')).status, 200);
      assert.equal((await server.fetch('/api/health/ready')).status, 200);
    }
    assert.ok(seen.unavailable >= 10, `clients in flight were told 503 (${JSON.stringify(seen)})`);
    assert.deepEqual(results.map((r) => r.status), Array(40).fill(201));
    const references = results.map((r) => (JSON.parse(r.text) as { reference: string }).reference);
    assert.equal(new Set(references).size, 40, 'every submission has a reference of its own');
    for (const [i, s] of list.entries()) assert.deepEqual(await storedFor(s.marker), [references[i]], `${s.marker} stored once, as answered`);
    console.log(`cluster: ${dropped!.n} connections dropped mid-burst; clients saw ${JSON.stringify(seen)}; 40 of 40 stored once`);
  });

  it('counts the rate limit once for both servers, believes no address a client claims, and remembers it across a restart', async () => {
    const from = '127.0.0.5';
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 5; i++) statuses.push(statusOf(await send(lb.url, intakePost(randomUUID(), {}, from))));
    assert.deepEqual(statuses, [...Array(RATE_LIMIT).fill(400), ...Array(5).fill(429)], 'spread over two servers, limited as by one');
    const spoofed = intakePost(randomUUID(), {}, from);
    spoofed.headers!['X-Forwarded-For'] = '203.0.113.9';
    assert.equal(statusOf(await send(b.url, spoofed)), 429, 'a client reaching a server directly cannot pick its address');
    assert.equal(statusOf(await send(lb.url, intakePost(randomUUID(), {}, '127.0.0.6'))), 400, 'another client is not limited');

    await a.kill9();
    a = await startChild(data, env, a.port);
    const after = await send(a.url, intakePost(randomUUID(), {}, from));
    assert.equal(statusOf(after), 429, 'the restarted server still counts');
    assert.ok(Number((after as Answer).headers['retry-after']) >= 1);
  });

  it('locks out a client after 10 wrong staff tokens on whichever server, also after a restart', async () => {
    const from = '127.0.0.7';
    const staff = (token: string, origin = lb.url, who = from) =>
      send(origin, { path: '/api/admin/intake/requests', headers: { Authorization: `Bearer ${token}` }, from: who });
    for (let i = 0; i < ADMIN_FAILURES; i++) assert.equal(statusOf(await staff(`wrong-token-${i}-0123456789abcdef`)), 401);
    assert.equal(statusOf(await staff(CHILD_ADMIN_TOKEN)), 429, 'locked out, even with the right token');
    assert.equal(statusOf(await staff(CHILD_ADMIN_TOKEN)), 429, 'on the other server too');
    await b.kill9();
    b = await startChild(data, env, b.port);
    assert.equal(statusOf(await staff(CHILD_ADMIN_TOKEN, b.url)), 429, 'after a restart');
    assert.equal(statusOf(await staff(CHILD_ADMIN_TOKEN, b.url, '127.0.0.8')), 200, 'another client is not locked out');
  });

  it("frees a killed server's in-flight key as soon as its connection is gone: the retry on the other server runs it once", async () => {
    const marker = `⟨cluster-inflight-${randomUUID().slice(0, 8)}⟩`;
    const req = intakePost(randomUUID(), intakeBody({ description: `Χρειάζομαι βοήθεια. ${marker}` }), '127.0.0.9');
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE intake_requests IN SHARE ROW EXCLUSIVE MODE');
    const first = send(a.url, req);
    let waiting = 0;
    await waitFor('the submission to wait on the table lock', async () => {
      const rows = await activity(`wait_event_type = 'Lock'`);
      waiting = rows[0]?.pid ?? 0;
      return rows.length === 1;
    });
    assert.equal(statusOf(await send(b.url, req)), 409, 'while it runs, the other server answers 409');
    await a.kill9();
    assert.equal(statusOf(await first), 0, 'the killed server never answered');
    const killed = performance.now();
    await holder.query('COMMIT');
    await waitFor("the killed server's connection to end", async () => (await activity('pid = $1', [waiting])).length === 0);
    const freedAfterMs = Math.round(performance.now() - killed);
    const retry = await send(b.url, req);
    assert.equal(statusOf(retry), 201, 'the first retry after the connection ended runs the submission');
    assert.equal((retry as Answer).headers['idempotent-replayed'], undefined, 'run afresh: the killed attempt stored nothing');
    assert.deepEqual(await storedFor(marker), [(JSON.parse((retry as Answer).text) as { reference: string }).reference]);
    console.log(`cluster: a killed server's in-flight key was free ${freedAfterMs} ms after the kill (the lease used to be 30 s)`);
    a = await startChild(data, env, a.port);
  });
});

describe('embedded database: one process per folder', () => {
  let data: ChildData;
  let first: Child;
  before(async () => {
    data = await childData('pglite');
    first = await startChild(data);
  });
  after(async () => {
    await first?.kill9();
    await data?.drop();
  });

  it('refuses a second process on the same folder before it touches anything; the first keeps every record', async () => {
    const references: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await first.fetch('/api/intake/requests', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(intakeBody()) });
      assert.equal(res.status, 201);
      references.push(((await res.json()) as { reference: string }).reference);
    }
    const second = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, ...data.env, PORT: '0', KENTRO_LOG_LEVEL: 'warn', KENTRO_JOBS_INTERVAL_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    second.stdout.on('data', (d) => { output += d; });
    second.stderr.on('data', (d) => { output += d; });
    const [code] = await once(second, 'exit');
    assert.equal(code, 1, output);
    assert.match(output, /is in use by another Kentro process \(PID \d+\)/);
    assert.match(output, /use PostgreSQL \(DATABASE_URL\)/);

    assert.ok(first.alive());
    const res = await first.fetch('/api/intake/requests', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(intakeBody()) });
    assert.equal(res.status, 201);
    references.push(((await res.json()) as { reference: string }).reference);
    assert.equal(new Set(references).size, 6, 'no reference given twice');
    const listed = await first.fetch('/api/admin/intake/requests', { headers: { Authorization: `Bearer ${CHILD_ADMIN_TOKEN}` } });
    const stored = ((await listed.json()) as { items: { reference: string }[] }).items.map((r) => r.reference);
    assert.deepEqual(references.filter((r) => !stored.includes(r)), [], 'every acknowledged request is listed');
  });

  it('takes the folder over after a process that held it was killed', async () => {
    await first.kill9();
    first = await startChild(data);
    assert.equal((await first.fetch('/api/health/ready')).status, 200);
  });
});
