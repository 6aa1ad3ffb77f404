/** The server bench for the combined runner: `runServerBench(options)` measures and returns the table rows. */
import type { Row } from '../support/row.ts';
import { measureServer, type ServerBenchOptions } from './measure.ts';
import { toRows } from './rows.ts';

export type { ServerBenchOptions } from './measure.ts';
export { measureServer } from './measure.ts';

export async function runServerBench(options: ServerBenchOptions = {}): Promise<Row[]> {
  return toRows(await measureServer(options));
}
