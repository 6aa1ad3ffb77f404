/**
 * `npm start`: open the database (PGlite in KENTRO_DATA_DIR, or PostgreSQL at DATABASE_URL), migrate, seed on
 * first start, make sure a staff token exists, serve on HOST:PORT, run the background jobs (email, reminders,
 * guardian holds, intake forwarding), and close everything on SIGTERM/SIGINT
 * (PGlite must be closed cleanly or its sequences jump on the next start).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { ensureAdminToken } from './admin-token.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { migrate } from './db/migrate.ts';
import { startIdempotencyCleanup } from './http/idempotency.ts';
import { startJobs } from './jobs.ts';
import { createLogger, errorFields } from './log.ts';
import { seedDatabase } from './seed/index.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);

const db = await openDatabase(config);
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

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
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
