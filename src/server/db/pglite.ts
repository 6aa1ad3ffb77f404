/** The embedded database: PGlite (PostgreSQL 18 in WASM) in a folder, or in memory for tests. */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { lockFolder } from './folder-lock.ts';
import { OID, type Database, type Queryable } from './types.ts';

const asText = (value: string) => value;

const wrap = (tx: Transaction): Queryable => ({
  query: async <T>(sql: string, params?: readonly unknown[]) => ({ rows: (await tx.query<T>(sql, params as unknown[])).rows }),
  exec: async (sql) => void (await tx.exec(sql)),
});

/**
 * Opens PGlite at `dataDir` (a folder, created when missing) or `'memory://'`. A folder is taken for this process
 * first (./folder-lock.ts): a second process on it is refused with `FolderInUseError` before anything is read.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const release = dataDir.startsWith('memory://') ? () => undefined : await lockFolder(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir, {
      extensions: { unaccent, pg_trgm },
      parsers: { [OID.date]: asText, [OID.timestamp]: asText, [OID.int8]: Number },
    });
  } catch (err) {
    release();
    throw err;
  }
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params?: readonly unknown[]) => ({ rows: (await pg.query<T>(sql, params as unknown[])).rows }),
    exec: async (sql) => void (await pg.exec(sql)),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
