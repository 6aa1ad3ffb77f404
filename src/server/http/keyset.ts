/**
 * Keyset pagination for staff lists: a page is the `limit` rows that sort after the last row of the page before,
 * named by an opaque cursor (`next`), so page 500 costs what page 1 does and rows arriving meanwhile shift nothing.
 * A list declares its order as SQL expressions, all ascending or all descending and together unique; the cursor
 * carries their values as PostgreSQL text (exact to the microsecond), and the next page asks for rows whose tuple
 * sorts after it: `(created_at, reference) < ($1::timestamptz, $2::text)`.
 *
 * `pagesOf()` walks every page, for CSV exports that stream with constant memory.
 */
import { ProblemError } from './problem.ts';
import type { Params } from '../hsds/sql.ts';

export interface KeysetOrder {
  direction: 'asc' | 'desc';
  columns: readonly { sql: string; type: 'timestamptz' | 'uuid' | 'text' | 'bigint' }[];
}

/** Rows a staff list answers when no `limit` is given. */
export const DEFAULT_PAGE_SIZE = 100;
/** Rows fetched at a time for a CSV export. */
export const EXPORT_BATCH = 1000;

const VALID: Record<KeysetOrder['columns'][number]['type'], RegExp> = {
  timestamptz: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?\+00$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  text: /^[^\u0000]{0,200}$/,
  bigint: /^-?\d{1,18}$/,
};

/** `ORDER BY` for the order. */
export const orderBy = (o: KeysetOrder) => o.columns.map((c) => `${c.sql} ${o.direction.toUpperCase()}`).join(', ');

/** The select-list item that gives each row's cursor values (`keyset`). */
export const keysetColumn = (o: KeysetOrder) => `ARRAY[${o.columns.map((c) => `(${c.sql})::text`).join(', ')}] AS keyset`;

/** The condition for rows after `values`. */
export function after(p: Params, o: KeysetOrder, values: readonly string[]): string {
  const left = o.columns.map((c) => c.sql).join(', ');
  const right = o.columns.map((c, i) => p.add(values[i], c.type)).join(', ');
  return `(${left}) ${o.direction === 'asc' ? '>' : '<'} (${right})`;
}

export const encodeCursor = (values: readonly string[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** The values a cursor carries; a cursor that is not one of this list's is a 400 at `after`. */
export function decodeCursor(cursor: string | undefined, o: KeysetOrder): string[] | undefined {
  if (cursor === undefined) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const ok = Array.isArray(values) && values.length === o.columns.length
    && values.every((v, i) => typeof v === 'string' && VALID[o.columns[i]!.type].test(v));
  if (!ok) {
    throw new ProblemError(400, 'validation', {
      detail: 'The cursor is not one this list gave.',
      errors: [{ path: ['after'], code: 'format', message: 'Use the `next` value of the page before.' }],
    });
  }
  return values as string[];
}

export interface Page<T> {
  rows: T[];
  /** The cursor of the page after this one; undefined on the last page. */
  next?: string;
}

/**
 * A page from `fetch(limit + 1, after)`, which returns rows with their `keyset`: one row more than asked tells
 * whether another page follows.
 */
export async function pageOf<R extends { keyset: string[] }, T>(
  limit: number, cursor: string[] | undefined,
  fetch: (limit: number, after: string[] | undefined) => Promise<R[]>, map: (rows: R[]) => T[] | Promise<T[]>,
): Promise<Page<T>> {
  const rows = await fetch(limit + 1, cursor);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { rows: await map(shown), ...(more ? { next: encodeCursor(shown.at(-1)!.keyset) } : {}) };
}

/** Every row, `EXPORT_BATCH` at a time, without holding more than one batch. */
export async function* pagesOf<R extends { keyset: string[] }, T>(
  fetch: (limit: number, after: string[] | undefined) => Promise<R[]>, map: (rows: R[]) => T[] | Promise<T[]>,
): AsyncGenerator<T[]> {
  let cursor: string[] | undefined;
  for (;;) {
    const rows = await fetch(EXPORT_BATCH, cursor);
    if (rows.length) yield await map(rows);
    if (rows.length < EXPORT_BATCH) return;
    cursor = rows.at(-1)!.keyset;
  }
}
