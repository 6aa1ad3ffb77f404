/**
 * The real server as a child process (`node --import tsx src/server/main.ts`, as `npm start` runs it) on a database
 * that outlives it: a PGlite folder, or a PostgreSQL database of its own when DATABASE_URL is set. The crash and
 * load suites start it, kill it with SIGKILL, start it again on the same data, and open that data themselves
 * (PGlite only while no server holds the folder).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import type { Database } from '../../src/server/db/types.ts';
import { freePort } from '../e2e/harness.ts';
import type { Backend } from '../support/server.ts';

export const CHILD_ADMIN_TOKEN = 'reliability-admin-token-0123456789';

export interface ChildData {
  backend: Backend;
  /** What the child's environment needs to use this data. */
  env: Record<string, string>;
  /** Opens the data in this process (migrated). On PGlite, only while no child runs. */
  open(): Promise<Database>;
  /** Deletes the data folder (and the PostgreSQL database). */
  drop(): Promise<void>;
}

/** A fresh, empty PGlite folder or PostgreSQL database. */
export async function childData(backend: Backend): Promise<ChildData> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kentro-reliability-'));
  if (backend === 'pglite') {
    return {
      backend,
      env: { KENTRO_DATA_DIR: dataDir, DATABASE_URL: '' },
      async open() {
        const db = await openPglite(join(dataDir, 'pg'));
        await migrate(db);
        return db;
      },
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `kentro_reliability_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    backend,
    env: { KENTRO_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    async open() {
      const db = await openPostgres(url.toString());
      await migrate(db);
      return db;
    },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Child {
  url: string;
  port: number;
  /** Whether the process is still running. */
  alive(): boolean;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  output(): string;
  /** SIGKILL: no shutdown code runs, the database is not closed. */
  kill9(): Promise<void>;
  /** SIGTERM, as an operator stops it: closes the database cleanly. */
  stop(): Promise<void>;
}

/**
 * Starts the server on `data` (on `port`, or a free one); resolves once `/api/health` answers 200. Public-form
 * checks (fill time, rate limit) are off, as a benchmark's are: these suites send bursts that no person would.
 */
export async function startChild(data: ChildData, env: Record<string, string> = {}, port?: number): Promise<Child> {
  port ??= await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', KENTRO_MIN_FILL_MS: '0', KENTRO_RATE_LIMIT_PER_MIN: '0',
      KENTRO_ADMIN_TOKEN: CHILD_ADMIN_TOKEN, KENTRO_LOG_LEVEL: 'warn', KENTRO_JOBS_INTERVAL_MS: '0', ...data.env, ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    port,
    alive: () => child.exitCode === null && child.signalCode === null,
    fetch: (path, init) => fetch(`${url}${path}`, init),
    output: () => output,
    kill9: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
