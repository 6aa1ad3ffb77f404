/**
 * Starts the real app on a free port for a test: PGlite in memory, or, when DATABASE_URL is set, a fresh
 * PostgreSQL database made for the suite and dropped afterwards. Suites loop over `backends()`.
 */
import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import pg from 'pg';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ensureAdminToken } from '../../src/server/admin-token.ts';
import { createApp, type CreateAppOptions } from '../../src/server/app.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import type { Database } from '../../src/server/db/types.ts';
import type { App } from '../../src/server/http/env.ts';
import { nodeServerOptions } from '../../src/server/http/server-options.ts';
import { createLogger, type Logger } from '../../src/server/log.ts';
import { localToday } from '../../src/server/seed/dates.ts';
import { seedDatabase } from '../../src/server/seed/index.ts';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export function backends(): Backend[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  db: Database;
  /** For PostgreSQL: the URL of this suite's own database (open more pools on it). */
  url?: string;
  /** Closes the database and, on PostgreSQL, drops it. */
  drop(): Promise<void>;
}

/** A fresh, empty database of `backend` (not migrated). */
export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const db = await openPglite('memory://');
    return { db, drop: () => db.close() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `kentro_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A second connection pool on the same PostgreSQL database, as a second server would have (for jobs run by two
 * servers at once); undefined on PGlite, which has one connection only.
 */
export async function secondPool(db: Database): Promise<Database | undefined> {
  if (db.kind !== 'postgres' || !process.env.DATABASE_URL) return undefined;
  const { rows } = await db.query<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${rows[0]!.name}`;
  return openPostgres(url.toString());
}

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface TestServer {
  backend: Backend;
  /** Origin of the server, e.g. `http://127.0.0.1:40123`. */
  url: string;
  app: App;
  db: Database;
  config: Config;
  /** Every log line the app wrote, parsed. */
  logs: LogLine[];
  /** `fetch(url + path, init)`. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  backend?: Backend;
  /** Overrides of the test defaults (rate limit and fill time off, a long staff token). */
  config?: Partial<Config>;
  extend?: CreateAppOptions['extend'];
  /** Load the demo data (default false). */
  seed?: boolean;
  /**
   * The moment the demo data is placed around (default: now). A suite that computes the seed's dates itself passes
   * the instant it computed them from, so a run that crosses midnight in the centre's zone still agrees with the seed.
   */
  seedNow?: Date;
  /** Runs after migrations, before the app is built (create test tables here). */
  setup?: (db: Database) => Promise<void>;
}

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** Test defaults: nothing from the developer's environment leaks in. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({}, {
    port: 0,
    rateLimitPerMin: 0,
    minFillMs: 0,
    logLevel: 'debug',
    seed: false,
    adminToken: TEST_ADMIN_TOKEN,
    ...overrides,
  });
}

export function captureLogger(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  return { lines, log: createLogger('debug', (line) => lines.push(JSON.parse(line) as LogLine)) };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const backend = options.backend ?? 'pglite';
  const config = testConfig(options.config);
  const { db, drop } = await openTestDatabase(backend);
  let server: ServerType | undefined;
  try {
    await migrate(db);
    if (options.seed) await seedDatabase(db, { timeZone: config.timeZone, now: options.seedNow });
    await ensureAdminToken(db, config.adminToken);
    await options.setup?.(db);
    const { log, lines } = captureLogger();
    const app = await createApp({ db, config, log, extend: options.extend });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: nodeServerOptions(config) });
    if (!server.listening) await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const running = server;
    return {
      backend,
      url,
      app,
      db,
      config,
      logs: lines,
      fetch: (path, init) => fetch(`${url}${path}`, init),
      async close() {
        running.close();
        if ('closeAllConnections' in running) running.closeAllConnections();
        await drop();
      },
    };
  } catch (err) {
    server?.close();
    await drop();
    throw err;
  }
}

/** JSON request init with a fresh or given Idempotency-Key. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/**
 * Asserts a CSV download's name: `<stem>-<day>.csv` with the day in Athens when the export was made, which is the
 * day `before` (taken before the request) or the day now, should midnight fall in between.
 */
export function assertCsvName(res: Response, stem: string, before: Date): void {
  const days = new Set([localToday('Europe/Athens', before), localToday('Europe/Athens')]);
  const header = res.headers.get('content-disposition') ?? '';
  assert.ok([...days].some((d) => header === `attachment; filename="${stem}-${d}.csv"`), `${header} names the Athens day, one of ${[...days].join(', ')}`);
}
