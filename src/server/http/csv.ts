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

/**
 * A download streamed a batch at a time (`batches` is usually `pagesOf()` over a staff list): memory stays that of
 * one batch however many rows there are. Named and cached as `csvResponse`. A failure mid-way (the database gone)
 * cuts the download short rather than ending it as if complete.
 */
export function csvStream(c: Context, stem: string, timeZone: string, header: readonly string[], batches: AsyncIterable<readonly (readonly CsvValue[])[]>): Response {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${header.map(csvCell).join(',')}\r\n`));
        return;
      }
      const { value, done } = await iterator.next();
      if (done) return controller.close();
      controller.enqueue(encoder.encode(value.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  const response = csvResponse(c, stem, timeZone, '');
  return new Response(stream, { status: 200, headers: response.headers });
}
