/**
 * Staff: intake requests newest first, as JSON or as CSV for a spreadsheet, and their status (new → in progress →
 * closed; `closed_at` is set when a request is closed and cleared if it is reopened).
 */
import type * as z from 'zod/mini';
import type { AdminIntakeQuery, AdminIntakeRow } from '../../contract/intake.ts';
import type { IntakeStatusChange } from '../../contract/intake-routes.ts';
import type { Queryable } from '../db/types.ts';
import { isoInZone } from '../events/zone.ts';
import { toCsv } from '../http/csv.ts';
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

/** Newest first; `limit` for the few who need only the latest. */
export async function adminIntakeRows(q: Queryable, query: z.infer<typeof AdminIntakeQuery>, timeZone: string, limit?: number): Promise<Row[]> {
  const p = new Params();
  const where = query.status ? `WHERE r.status = ${p.add(query.status)}` : '';
  const cap = limit === undefined ? '' : `LIMIT ${p.add(limit, 'integer')}`;
  const { rows } = await q.query<IntakeRow>(
    `SELECT ${INTAKE_COLUMNS} FROM ${INTAKE_FROM} ${where} ORDER BY r.created_at DESC, r.reference DESC ${cap}`,
    p.values,
  );
  return rows.map((r) => adminIntakeRow(r, timeZone));
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

/** The rows as CSV, columns named as the JSON fields; lists joined with "; ", facts as "roma: yes; …". */
export const adminIntakeCsv = (rows: readonly Row[]) => toCsv(COLUMNS, rows.map((r) => COLUMNS.map((c) => cell(r, c))));

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
