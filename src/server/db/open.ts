/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Database } from './types.ts';

type DatabaseConfig = Pick<Config, 'databaseUrl' | 'dataDir'>
  & Partial<Pick<Config, 'databasePoolSize' | 'databaseConnectTimeoutMs' | 'databaseStatementTimeoutMs' | 'databaseIdleTimeoutMs'>>;

export async function openDatabase(config: DatabaseConfig, onConnectionError?: (err: Error) => void): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgres(config.databaseUrl, {
      poolSize: config.databasePoolSize, connectTimeoutMs: config.databaseConnectTimeoutMs,
      statementTimeoutMs: config.databaseStatementTimeoutMs, idleTimeoutMs: config.databaseIdleTimeoutMs, onConnectionError,
    });
  }
  const dir = join(config.dataDir, 'pg');
  await mkdir(dir, { recursive: true });
  return openPglite(dir);
}
