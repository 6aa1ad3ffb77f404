/**
 * `npm start`: open the database (PGlite in KENTRO_DATA_DIR, taken for this process alone; or PostgreSQL at
 * DATABASE_URL, waited for when it is not up yet), migrate, seed on first start, make sure a staff token exists,
 * serve on HOST:PORT, run the background jobs (email, reminders, guardian holds, intake forwarding), and close
 * everything on SIGTERM/SIGINT (PGlite must be closed cleanly or its sequences jump on the next start).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { ensureAdminToken } from './admin-token.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { FolderInUseError } from './db/folder-lock.ts';
import { openDatabase } from './db/open.ts';
import type { Database } from './db/types.ts';
import { isDatabaseUnavailable } from './db/unavailable.ts';
import { migrate } from './db/migrate.ts';
import { startIdempotencyCleanup } from './http/idempotency.ts';
import { nodeServerOptions } from './http/server-options.ts';
import { startJobs } from './jobs.ts';
import { createLogger, errorFields } from './log.ts';
import { seedDatabase } from './seed/index.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);

/** Opens the database; PostgreSQL not answering yet (it starts after us, or restarts) is waited for, not fatal. */
async function open(): Promise<Database> {
  const lost = (err: Error) => log.warn('database connection lost', errorFields(err));
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDatabase(config, lost);
    } catch (err) {
      if (err instanceof FolderInUseError) {
        process.stderr.write(`\n${err.message}\n\n`);
        process.exit(1);
      }
      if (!isDatabaseUnavailable(err)) throw err;
      const waitMs = Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5));
      log.warn('waiting for the database', { attempt, retryInMs: waitMs, ...errorFields(err) });
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

// A connection the database dropped must never end the process (pg emits it as an 'error' event, and a database
// that goes away mid-request can reject a promise no one awaits any more): requests meanwhile answer 503 and the
// pool reconnects. Anything else unexpected is a bug: log it and exit, so a supervisor starts a clean process.
process.on('uncaughtException', (err) => {
  if (isDatabaseUnavailable(err)) return log.warn('database connection lost', errorFields(err));
  log.error('uncaught exception', errorFields(err));
  process.exit(1);
});
process.on('unhandledRejection', (err) => {
  if (isDatabaseUnavailable(err)) return log.warn('database connection lost', errorFields(err));
  log.error('unhandled rejection', errorFields(err));
  process.exit(1);
});

const db = await open();
const applied = await migrate(db);
if (applied.length) log.info('migrations applied', { migrations: applied.join(', ') });
if (config.seed && (await seedDatabase(db, { timeZone: config.timeZone }))) log.info('demo data loaded');

const { generated } = await ensureAdminToken(db, config.adminToken);
if (generated) {
  process.stdout.write(
    '\nA staff token was generated for /api/admin/. It is shown only this once; keep it safe:\n\n' +
      `    ${generated}\n\n` +
      'Set KENTRO_ADMIN_TOKEN to choose your own.\n\n',
  );
}

if (!existsSync(join(config.widgetsDir, 'all.js'))) {
  log.warn('widgets not built: /widgets/ will answer 404 until `npm run build` has run', { widgetsDir: config.widgetsDir });
}

const app = await createApp({ db, config, log });
const stopCleanup = startIdempotencyCleanup(db, log, config.idempotencyTtlMs);
const stopJobs = startJobs({ db, config, log });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: nodeServerOptions(config) }, (info) => {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  process.stdout.write(`Kentro is running at http://${host}:${info.port}/ (database: ${db.kind})\n`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  stopCleanup();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections would hold `close` open; give in-flight requests a moment, then cut the rest.
  const timer = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), 3000);
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  await closed;
  clearTimeout(timer);
  await stopJobs().catch((err: unknown) => log.error('jobs stop failed', errorFields(err)));
  try {
    await db.close();
  } catch (err) {
    log.error('database close failed', errorFields(err));
  }
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
