/**
 * PostgreSQL through a `pg` pool, used when DATABASE_URL is set.
 *
 * Survives the database going away: every connection gets an `'error'` listener the moment it is made (pg-pool
 * removes its own while a client is checked out, and an `'error'` event with no listener ends the process), a
 * client that failed is destroyed on release instead of reused, and the next query reconnects. Time limits on
 * every step, so a frozen database answers errors instead of hanging requests: connecting, each statement (on the
 * server, and on the client for a server that does not answer at all), and a transaction left idle.
 */
import pg from 'pg';
import { OID, type Database, type Queryable } from './types.ts';

const asText = (value: string) => value;

const PARSERS: Record<number, (value: string) => unknown> = { [OID.int8]: Number, [OID.date]: asText, [OID.timestamp]: asText };

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    PARSERS[oid] ?? pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
  query: async <T>(sql: string, params?: readonly unknown[]) =>
    ({ rows: (await client.query(sql, params as unknown[])).rows as T[] }),
  exec: async (sql) => void (await client.query(sql)),
});

export interface PostgresOptions {
  /** Connections in the pool (`DATABASE_POOL_SIZE`). */
  poolSize?: number;
  /** Giving up on getting a connection (`KENTRO_DB_CONNECT_TIMEOUT_MS`). */
  connectTimeoutMs?: number;
  /** Longest statement, and longest a transaction may sit idle (`KENTRO_DB_STATEMENT_TIMEOUT_MS`). */
  statementTimeoutMs?: number;
  /** An unused connection is closed after this (`KENTRO_DB_IDLE_TIMEOUT_MS`). */
  idleTimeoutMs?: number;
  /** Told of each connection error (a restart, a dropped connection); the process carries on. */
  onConnectionError?: (err: Error) => void;
}

export async function openPostgres(connectionString: string, options: PostgresOptions = {}): Promise<Database> {
  const { poolSize = 10, connectTimeoutMs = 5000, statementTimeoutMs = 15_000, idleTimeoutMs = 30_000 } = options;
  const onError = (err: Error) => options.onConnectionError?.(err);
  // Sessions in UTC, as PGlite's: calendar arithmetic (`now() - interval '90 days'`) then counts days of 24 hours
  // whatever the server's TimeZone, and the centre's zone is always named where it matters (`AT TIME ZONE $1`).
  const settings = [`TimeZone=UTC`, `statement_timeout=${statementTimeoutMs}`, `idle_in_transaction_session_timeout=${statementTimeoutMs * 2}`];
  const pool = new pg.Pool({
    connectionString, types, max: poolSize,
    options: settings.map((s) => `-c ${s}`).join(' '),
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: idleTimeoutMs,
    // The server's own statement_timeout cannot fire when the server is frozen: the client gives up a little later.
    query_timeout: statementTimeoutMs + 2000,
    keepAlive: true,
  });
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  await pool.query('select 1');
  return {
    kind: 'postgres',
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => { broken = e; });
        throw err;
      } finally {
        // A client whose ROLLBACK failed is in an unknown state: destroy it instead of reusing it.
        client.release(broken);
      }
    },
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}
