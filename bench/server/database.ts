/**
 * The databases of one server bench run: one for our server and one for the bare app, so neither sees the rows
 * the other's load wrote. Each is prepared exactly as the server's first start would (migrations, demo data),
 * plus one volunteer shift with a very large capacity, so every signup of the load takes a place.
 *
 * PGlite: two fresh folders in a temp folder. PostgreSQL: two fresh databases on the cluster `DATABASE_URL` names,
 * dropped afterwards (its own database is never written).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '../../src/server/db/migrate.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import type { Database } from '../../src/server/db/types.ts';
import { needOptions } from '../../src/server/intake/needs.ts';
import { seedDatabase } from '../../src/server/seed/index.ts';

export type DbKind = 'pglite' | 'postgres';

/** Where one server's data lives: a PGlite folder (`KENTRO_DATA_DIR`, data in `pg/`) or a PostgreSQL URL. */
export interface Target {
  dataDir: string;
  databaseUrl?: string;
  /** The open opportunity and the bench's own shift on it. */
  opportunityId: string;
  shiftId: string;
  /** A need an intake request names (a term of the needs taxonomy). */
  needId: string;
}

export interface Databases {
  kind: DbKind;
  ours: Target;
  bare: Target;
  /** A folder for logs and outboxes, removed by `drop()`. */
  workDir: string;
  drop(): Promise<void>;
}

export const TIME_ZONE = 'Europe/Athens';
/**
 * The demo data is placed around this fixed moment, not the day the bench runs, so every run loads the same
 * events into the month it asks for (relative to today, a month holds 4 or 5 of each weekly series).
 */
export const SEED_NOW = new Date('2026-11-02T10:00:00Z');
/** Places on the bench's shift: more than any run can book. */
const BENCH_CAPACITY = 100_000_000;

/** Migrations, demo data and the bench shift, through the server's own code. */
async function prepare(db: Database): Promise<Omit<Target, 'dataDir' | 'databaseUrl'>> {
  await migrate(db);
  await seedDatabase(db, { timeZone: TIME_ZONE, now: SEED_NOW });
  const { rows: [opportunity] } = await db.query<{ id: string }>(
    `SELECT id FROM volunteer_opportunities WHERE status = 'open' AND min_age <= 18 ORDER BY role, id LIMIT 1`,
  );
  if (!opportunity) throw new Error('the demo data has no open opportunity for adults');
  const { rows: [shift] } = await db.query<{ id: string }>(
    `INSERT INTO volunteer_shifts (opportunity_id, starts_at, ends_at, capacity, filled)
     VALUES ($1, date_trunc('hour', now()) + interval '30 days', date_trunc('hour', now()) + interval '30 days 3 hours', $2, 0)
     RETURNING id`,
    [opportunity.id, BENCH_CAPACITY],
  );
  const need = (await needOptions(db))[0];
  if (!need) throw new Error('the demo data has no needs taxonomy');
  return { opportunityId: opportunity.id, shiftId: shift!.id, needId: need.id };
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export async function createDatabases(kind: DbKind, databaseUrl?: string): Promise<Databases> {
  const workDir = await mkdtemp(join(tmpdir(), `kentro-bench-server-${kind}-`));
  if (kind === 'pglite') {
    const target = async (name: string): Promise<Target> => {
      const dataDir = join(workDir, name);
      const db = await openDatabase({ dataDir, databaseUrl: undefined });
      try {
        return { dataDir, ...(await prepare(db)) };
      } finally {
        await db.close();
      }
    };
    const ours = await target('ours');
    const bare = await target('bare');
    return { kind, ours, bare, workDir, drop: () => rm(workDir, { recursive: true, force: true }) };
  }

  if (!databaseUrl) throw new Error('PostgreSQL needs DATABASE_URL');
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const names = { ours: `kentro_bench_${process.pid}_ours`, bare: `kentro_bench_${process.pid}_bare` };
  const dropAll = async () => {
    for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    const target = async (name: string): Promise<Target> => {
      await admin.query(`CREATE DATABASE ${name}`);
      const url = withDatabase(databaseUrl, name);
      const db = await openPostgres(url, { poolSize: 2 });
      try {
        return { dataDir: join(workDir, name), databaseUrl: url, ...(await prepare(db)) };
      } finally {
        await db.close();
      }
    };
    await dropAll();
    const ours = await target(names.ours);
    const bare = await target(names.bare);
    return {
      kind, ours, bare, workDir,
      async drop() {
        try {
          await dropAll();
        } finally {
          await admin.end();
          await rm(workDir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    await dropAll().catch(() => undefined);
    await admin.end();
    await rm(workDir, { recursive: true, force: true });
    throw err;
  }
}
