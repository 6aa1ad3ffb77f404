/** PostgreSQL through a `pg` pool, used when DATABASE_URL is set. */
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

export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  // Sessions in UTC, as PGlite's: calendar arithmetic (`now() - interval '90 days'`) then counts days of 24 hours
  // whatever the server's TimeZone, and the centre's zone is always named where it matters (`AT TIME ZONE $1`).
  const pool = new pg.Pool({ connectionString, max, types, options: '-c TimeZone=UTC' });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
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
  };
}
