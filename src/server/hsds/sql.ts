/** Small helpers for building parameterised SQL: every value travels as a parameter, never inside the text. */

/** Collects parameter values and hands out their placeholders. */
export class Params {
  readonly values: unknown[] = [];

  /** Adds `value`; returns its placeholder, cast when `type` is given (`$3::uuid`). */
  add(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` has the form PostgreSQL accepts as a uuid (anything else cannot name a row). */
export const isUuid = (id: string) => UUID.test(id);

/** Groups rows by a key, keeping their order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K | null | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null || k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
