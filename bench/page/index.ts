/** The page bench for the combined runner: `runPageBench(options)` runs Lighthouse and returns the table rows. */
import type { Row } from '../support/row.ts';
import { measurePage, type PageBenchOptions } from './measure.ts';
import { toRows } from './rows.ts';

export type { PageBenchOptions } from './measure.ts';
export { measurePage } from './measure.ts';

export async function runPageBench(options: PageBenchOptions = {}): Promise<Row[]> {
  return toRows(await measurePage(options));
}
