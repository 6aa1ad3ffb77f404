/**
 * One interface over embedded PGlite and a PostgreSQL pool, so domain code is written once.
 *
 * PGlite is single-connection and serialises everything: `query` and `transaction` share one exclusive lock.
 * Inside `transaction(fn)` use only the `tx` it hands you; calling `db.query` there waits for the transaction
 * that is waiting for it (a deadlock on PGlite, a second connection on PostgreSQL).
 *
 * Values come back the same on both: `int8`/`count(*)` as number, `numeric` as string, `date` and `timestamp`
 * (without time zone) as their text, `timestamptz` as `Date`, arrays and `jsonb` parsed.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PostgreSQL: the pool's connections (for metrics); PGlite has one connection and no pool. */
  poolStats?(): { total: number; idle: number; waiting: number };
}

/** PostgreSQL type OIDs whose parsing both adapters align. */
export const OID = { int8: 20, date: 1082, timestamp: 1114 } as const;
