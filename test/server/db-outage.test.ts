/**
 * A database that stops answering (frozen: SIGSTOP on the PostgreSQL postmaster and on the server's backends, as a
 * stalled disk or a paused VM does): requests and the readiness check are answered 503 with Retry-After within the
 * configured timeouts instead of hanging, liveness still answers, and once the database thaws the same process
 * serves again without a restart. PostgreSQL only, on the same machine, with the right to signal its processes
 * (CI runs as root); skipped otherwise.
 *
 * And a real restart (`pg_ctl restart -m fast`) in the middle of a stream of submissions, when KENTRO_TEST_PG_RESTART
 * names the command that restarts the cluster (`.ci/run` sets it for its own throwaway cluster): the process lives
 * on, the submissions caught by it are answered 503 and stored once when sent again.
 */
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { intakeBody, postIntake } from '../support/intake.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The parent of a process, from /proc (Linux). */
const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);

describe('a frozen database (postgres)', { skip: !process.env.DATABASE_URL && 'needs PostgreSQL (DATABASE_URL)' }, () => {
  let s: TestServer;
  let observer: pg.Client;
  before(async () => {
    s = await startTestServer({ backend: 'postgres', seed: true, config: { databaseStatementTimeoutMs: 1000, databaseConnectTimeoutMs: 1000 } });
    observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await observer.connect();
  });
  after(async () => {
    await observer?.end();
    await s?.close();
  });

  it('answers 503 with Retry-After instead of hanging, keeps liveness, and serves again once it thaws', async (t) => {
    assert.equal((await s.fetch('/api/health/ready')).status, 200);
    const { rows: [db] } = await s.db.query<{ name: string }>('SELECT current_database() AS name');
    const { rows } = await observer.query<{ pid: number; checkpointer: number }>(
      `SELECT pid, (SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer') AS checkpointer
         FROM pg_stat_activity WHERE datname = $1`, [db!.name],
    );
    let frozen: number[];
    try {
      const postmaster = parentOf(rows[0]!.checkpointer);
      frozen = [postmaster, ...rows.map((r) => r.pid)];
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    } catch (err) {
      t.skip(`cannot freeze PostgreSQL here: ${(err as Error).message}`);
      return;
    }
    try {
      const ready = await s.fetch('/api/health/ready');
      assert.equal(ready.status, 503);
      assert.equal(((await ready.json()) as { type: string }).type, 'urn:kentro:problem:unavailable');
      assert.equal((await s.fetch('/api/health/live')).status, 200, 'the process itself answers');
      const submit = await postIntake(s, intakeBody());
      assert.equal(submit.status, 503);
      assert.equal(submit.headers.get('retry-after'), '5');
      const read = await s.fetch('/api/volunteering/opportunities');
      assert.equal(read.status, 503);
    } finally {
      for (const pid of frozen!) process.kill(pid, 'SIGCONT');
    }
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await s.fetch('/api/health/ready')).status;
      if (status !== 200) await sleep(100);
    }
    assert.equal(status, 200, 'ready again without a restart');
    assert.equal((await postIntake(s, intakeBody())).status, 201);
  });
});

describe('a PostgreSQL restart (postgres)', { skip: (!process.env.DATABASE_URL || !process.env.KENTRO_TEST_PG_RESTART) && 'needs DATABASE_URL and KENTRO_TEST_PG_RESTART (.ci/run sets both)' }, () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ backend: 'postgres', seed: true, config: { databaseConnectTimeoutMs: 1000 } });
  });
  after(() => s?.close());

  it('keeps serving across the restart: requests meanwhile get 503, each submission sent again is stored once', async () => {
    // One submission is held inside its transaction (a table lock) when the restart comes, so at least one request
    // is certainly cut by it; the restart ends the lock holder's connection too, which lets the retries through.
    const { rows: [db] } = await s.db.query<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${db!.name}`;
    const holder = new pg.Client({ connectionString: url.toString() });
    holder.on('error', () => undefined);
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE intake_requests IN SHARE ROW EXCLUSIVE MODE');

    const statuses = new Map<string, number[]>();
    let stop = false;
    // A person submitting again and again, each submission retried with its key until it is stored.
    const stream = (async () => {
      while (!stop) {
        const key = randomUUID();
        const body = intakeBody({ description: `Μετά την επανεκκίνηση ⟨${key}⟩` });
        const seen: number[] = [];
        statuses.set(key, seen);
        for (let attempt = 0; attempt < 100; attempt++) {
          const res = await s.fetch('/api/intake/requests', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body) });
          seen.push(res.status);
          if (res.status === 201) break;
          await sleep(200);
        }
      }
    })();
    for (let i = 0; i < 100; i++) {
      await holder.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await holder.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (rows.length > 0) break;
      await sleep(50);
    }
    execSync(process.env.KENTRO_TEST_PG_RESTART!, { stdio: 'ignore' });
    await holder.end().catch(() => undefined);
    await sleep(1500);
    stop = true;
    await stream;
    const all = [...statuses.values()];
    assert.ok(all.every((seen) => seen.at(-1) === 201), `every submission stored in the end: ${JSON.stringify(all)}`);
    assert.ok(all[0]!.includes(503), `the submission in flight was answered 503: ${JSON.stringify(all[0])}`);
    assert.ok(all.flat().every((st) => st === 201 || st === 503), `only 201 and 503: ${JSON.stringify(all)}`);
    for (const key of statuses.keys()) {
      const { rows } = await s.db.query('SELECT 1 FROM intake_requests WHERE strpos(description, $1) > 0', [key]);
      assert.equal(rows.length, 1, `stored once: ${key}`);
    }
    assert.equal((await s.fetch('/api/health/ready')).status, 200);
  });
});
