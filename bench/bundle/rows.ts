/**
 * The bundle figures as rows of the combined bench table: each budgeted entry's min + gzip size against its budget
 * (and, where the budget is not met yet, the ceiling `npm test` holds it to).
 */
import type { Row } from '../support/row.ts';
import { BUDGETS, CEILINGS, KB } from './budgets.ts';
import { entrySizes } from './sizes.ts';

export function bundleRows(distDir = 'dist'): Row[] {
  return entrySizes(distDir)
    .filter((e) => e.entry in BUDGETS)
    .map((e) => {
      const budget = BUDGETS[e.entry]!;
      return {
        section: 'bundle', name: `${e.entry} (entry + static imports, min + gzip)`, ours: e.gzipBytes / KB, unit: 'KB',
        goal: `≤ ${budget / KB} KB${CEILINGS[e.entry] ? ` (held ≤ ${CEILINGS[e.entry]!.bytes / KB})` : ''}`, met: e.gzipBytes <= budget,
      };
    });
}
