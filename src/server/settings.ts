/** Small values kept in `kentro_settings`, shared by every server on the same database. */
import type { Queryable } from './db/types.ts';

export async function getSetting(q: Queryable, key: string): Promise<string | undefined> {
  const { rows } = await q.query<{ value: string }>('SELECT value FROM kentro_settings WHERE key = $1', [key]);
  return rows[0]?.value;
}

export async function setSetting(q: Queryable, key: string, value: string): Promise<void> {
  await q.query(
    `INSERT INTO kentro_settings (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
    [key, value],
  );
}

/**
 * The value of `key`, creating it with `make()` when absent. Several servers racing agree on the first value
 * stored. `created` tells whether this call stored it.
 */
export async function ensureSetting(q: Queryable, key: string, make: () => string): Promise<{ value: string; created: boolean }> {
  const candidate = make();
  const inserted = await q.query<{ value: string }>(
    'INSERT INTO kentro_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING value',
    [key, candidate],
  );
  if (inserted.rows[0]) return { value: inserted.rows[0].value, created: true };
  const value = await getSetting(q, key);
  if (value === undefined) throw new Error(`Setting ${key} vanished while being created`);
  return { value, created: false };
}
