/** HSDS paging: `page` from 1, `per_page` 1–1000 (validated by the contract), 50 by default. */
import { toPage } from '../../contract/common.ts';
import type { Queryable } from '../db/types.ts';
import type { Params } from './sql.ts';

export const DEFAULT_PER_PAGE = 50;

export interface Paging { page: number; perPage: number; offset: number }

export function paging(query: { page?: number; per_page?: number }): Paging {
  const page = query.page ?? 1;
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  return { page, perPage, offset: (page - 1) * perPage };
}

/** A listing as SQL parts: `SELECT {select} FROM {from} {where} ORDER BY {order}`. */
export interface Listing { select: string; from: string; where: string; order: string }

/** Counts the listing's rows and reads the requested page (no page query when the page is past the end). */
export async function fetchPage<R>(db: Queryable, params: Params, listing: Listing, query: { page?: number; per_page?: number }) {
  const page = paging(query);
  const counted = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${listing.from} ${listing.where}`, [...params.values]);
  const total = counted.rows[0]?.n ?? 0;
  if (page.offset >= total) return { rows: [] as R[], total, page };
  const limit = params.add(page.perPage, 'int');
  const offset = params.add(page.offset, 'bigint');
  const { rows } = await db.query<R>(
    `SELECT ${listing.select} FROM ${listing.from} ${listing.where} ORDER BY ${listing.order} LIMIT ${limit} OFFSET ${offset}`,
    params.values,
  );
  return { rows, total, page };
}

export const pageOf = <T>(contents: T[], total: number, p: Paging) => toPage(contents, total, p.page, p.perPage);
