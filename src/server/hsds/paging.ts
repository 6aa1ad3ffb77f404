/** HSDS paging: `page` from 1, `per_page` 1–1000 (validated by the contract), 50 by default. */
import { toPage } from '../../contract/common.ts';
import type { Queryable } from '../db/types.ts';
import { withClause } from './search.ts';
import type { Params } from './sql.ts';

export const DEFAULT_PER_PAGE = 50;

export interface Paging { page: number; perPage: number; offset: number }

export function paging(query: { page?: number; per_page?: number }): Paging {
  const page = query.page ?? 1;
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  return { page, perPage, offset: (page - 1) * perPage };
}

/** A listing as SQL parts: `WITH {with} SELECT {select} FROM {from} {where} ORDER BY {order}`. */
export interface Listing { select: string; from: string; where: string; order: string; with?: readonly string[] }

/**
 * Reads the requested page and the listing's total in one statement (`count(*) OVER ()`); only a page past the
 * end, which has no row to carry the total, costs a second statement that counts.
 */
export async function fetchPage<R>(db: Queryable, params: Params, listing: Listing, query: { page?: number; per_page?: number }) {
  const page = paging(query);
  const head = withClause(listing.with);
  const counting = [...params.values];
  const limit = params.add(page.perPage, 'int');
  const offset = params.add(page.offset, 'bigint');
  const { rows } = await db.query<R & { kentro_total?: number }>(
    `${head}SELECT ${listing.select}, count(*) OVER () AS kentro_total FROM ${listing.from} ${listing.where}
      ORDER BY ${listing.order} LIMIT ${limit} OFFSET ${offset}`,
    params.values,
  );
  let total = rows[0]?.kentro_total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await db.query<{ n: number }>(`${head}SELECT count(*) AS n FROM ${listing.from} ${listing.where}`, counting);
    total = counted.rows[0]?.n ?? 0;
  }
  for (const row of rows) delete row.kentro_total;
  return { rows: rows as R[], total, page };
}

export const pageOf = <T>(contents: T[], total: number, p: Paging) => toPage(contents, total, p.page, p.perPage);
