/**
 * Staff: intake requests newest first, as JSON or as CSV for a spreadsheet, and their status (new → in progress →
 * closed; `closed_at` is set when a request is closed and cleared if it is reopened).
 */
import type * as z from 'zod/mini';
import type { AdminIntakeQuery, AdminIntakeRow } from '../../contract/intake.ts';
import type { IntakeStatusChange } from '../../contract/intake-routes.ts';
import type { Queryable } from '../db/types.ts';
import { isoInZone } from '../events/zone.ts';
import { after, decodeCursor, DEFAULT_PAGE_SIZE, keysetColumn, orderBy, pageOf, pagesOf, type KeysetOrder, type Page } from '../http/keyset.ts';
import { Params } from '../hsds/sql.ts';
import { INTAKE_COLUMNS, INTAKE_FROM, present, type IntakeRow, type IntakeStatus } from './records.ts';

type Row = z.infer<typeof AdminIntakeRow>;


export function adminIntakeRow(r: IntakeRow, timeZone: string): Row {
  return {
    reference: r.reference,
    status: r.status,
    createdAt: isoInZone(r.created_at.getTime(), timeZone),
    needs: r.need_names,
    ...present('description', r.description),
    ...present('service', r.service_name ?? r.service_id),
    anonymous: r.anonymous,
    ...present('name', r.name),
    ageBand: r.age_band as Row['ageBand'],
    ...present('area', r.area),
    methods: r.methods as Row['methods'],
    ...present('phone', r.phone),
    ...present('email', r.email),
    days: r.days,
    times: r.times,
    // The language they named themselves reads better to staff than the code 'other'.
    language: r.other_language ?? r.language,
    interpreter: r.interpreter,
    ...present('accessibility', r.accessibility),
    ...present('facts', r.facts),
    forwarded: r.forwarded,
  };
}

/** Newest first; the reference breaks ties (two requests in one microsecond). */
const ORDER: KeysetOrder = { direction: 'desc', columns: [{ sql: 'r.created_at', type: 'timestamptz' }, { sql: 'r.reference', type: 'text' }] };

type Query = z.infer<typeof AdminIntakeQuery>;

/** Up to `limit` rows of the list after `cursor`, each with its keyset. */
function fetchRows(q: Queryable, query: Query) {
  return async (limit: number, cursor: string[] | undefined) => {
    const p = new Params();
    const and = ['true'];
    if (query.status) and.push(`r.status = ${p.add(query.status)}`);
    if (cursor) and.push(after(p, ORDER, cursor));
    const { rows } = await q.query<IntakeRow & { keyset: string[] }>(
      `SELECT ${INTAKE_COLUMNS}, ${keysetColumn(ORDER)} FROM ${INTAKE_FROM}
        WHERE ${and.join(' AND ')} ORDER BY ${orderBy(ORDER)} LIMIT ${p.add(limit, 'integer')}`,
      p.values,
    );
    return rows;
  };
}

/** One page of the staff list (`limit` rows after the `after` cursor). */
export function adminIntakePage(q: Queryable, query: Query, timeZone: string): Promise<Page<Row>> {
  return pageOf(query.limit ?? DEFAULT_PAGE_SIZE, decodeCursor(query.after, ORDER), fetchRows(q, query), (rows) => rows.map((r) => adminIntakeRow(r, timeZone)));
}

/** The newest `limit` requests (tests read the latest one). */
export async function adminIntakeRows(q: Queryable, query: Query, timeZone: string, limit = DEFAULT_PAGE_SIZE): Promise<Row[]> {
  return (await adminIntakePage(q, { ...query, limit, after: undefined }, timeZone)).rows;
}

const COLUMNS = [
  'reference', 'status', 'createdAt', 'needs', 'description', 'service', 'anonymous', 'name', 'ageBand', 'area', 'methods',
  'phone', 'email', 'days', 'times', 'language', 'interpreter', 'accessibility', 'facts', 'forwarded',
] as const satisfies readonly (keyof Row)[];

const cell = (row: Row, column: (typeof COLUMNS)[number]) => {
  const value = row[column];
  if (Array.isArray(value)) return value.join('; ');
  if (column === 'facts') return row.facts ? Object.entries(row.facts).map(([k, v]) => `${k}: ${v}`).join('; ') : '';
  return value as string | boolean | undefined;
};

/** Every request as CSV rows, a batch at a time: columns named as the JSON fields; lists joined with "; ", facts as
 *  "roma: yes; …". */
export const ADMIN_INTAKE_CSV_HEADER: readonly string[] = COLUMNS;
export const adminIntakeCsvRows = (q: Queryable, query: Query, timeZone: string) =>
  pagesOf(fetchRows(q, query), (rows) => rows.map((r) => { const row = adminIntakeRow(r, timeZone); return COLUMNS.map((c) => cell(row, c)); }));

/** Sets the status; returns undefined when there is no such request. */
export async function setIntakeStatus(q: Queryable, reference: string, status: z.infer<typeof IntakeStatusChange>['status']) {
  const { rows } = await q.query<{ reference: string; status: IntakeStatus }>(
    `UPDATE intake_requests
        SET status = $2, updated_at = now(),
            closed_at = CASE WHEN $2 = 'closed' THEN coalesce(closed_at, now()) END
      WHERE reference = $1
  RETURNING reference, status`,
    [reference, status],
  );
  return rows[0];
}
