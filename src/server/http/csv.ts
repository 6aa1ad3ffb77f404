/**
 * CSV exports for staff (RFC 4180, UTF-8 with a BOM so Excel reads Greek correctly, CRLF lines). A cell that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is written with a
 * leading `'`, so a value someone typed into a public form can never execute on a staff computer.
 */
import type { Context } from 'hono';
import { formatWall, toWall } from '../events/zone.ts';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised against formulas, quoted when it holds a quote, comma, line break or edge spaces. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: a BOM, the header, then one line per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A download: `text/csv`, as an attachment named `<stem>-<YYYY-MM-DD>.csv` with the date in the centre's zone (the
 * day staff exported it on, also late in the evening when UTC is still on the day before), never cached.
 */
export function csvResponse(c: Context, stem: string, timeZone: string, csv: string): Response {
  const day = formatWall(toWall(Date.now(), timeZone)).slice(0, 10);
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${`${stem}-${day}.csv`.replace(/[^\w.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  });
}
