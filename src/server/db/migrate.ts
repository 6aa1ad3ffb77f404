/**
 * Applies `migrations/NNN_name.sql` in order, each once, all in one transaction that holds an advisory lock,
 * so several servers starting at once neither race nor apply a file twice.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './types.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** An arbitrary constant naming Kentro's migration lock ("kentro" in ASCII). */
const LOCK_ID = 0x6b656e74726f;

export interface Migration { id: string; sql: string }

export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3,}_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(files.map(async (f) => ({ id: f.replace(/\.sql$/, ''), sql: await readFile(new URL(f, dir), 'utf8') })));
}

/** Applies the migrations not applied yet; returns the ids it applied. */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const list = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS kentro_migrations (
      id text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ id: string }>('SELECT id FROM kentro_migrations')).rows.map((r) => r.id));
    const applied: string[] = [];
    for (const m of list) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO kentro_migrations (id) VALUES ($1)', [m.id]);
      applied.push(m.id);
    }
    return applied;
  });
}
