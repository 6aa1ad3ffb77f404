/**
 * `npm run bench:bundle`: what a visitor downloads before each widget works (entry + static imports, min + gzip),
 * against the budgets of issue 8, from the last `npm run build`. Sizes are deterministic; prints and writes
 * `bench/bundle/results.md`, exits 0.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { rowsTable } from '../support/row.ts';
import { bundleRows } from './rows.ts';

if (!existsSync('dist/.vite/manifest.json')) {
  console.error('Run `npm run build` first.');
  process.exit(1);
}
const table = rowsTable(bundleRows());
console.log(table);
await writeFile(new URL('./results.md', import.meta.url), `# Bundle sizes\n\nFrom \`npm run build\`, ${new Date().toISOString().slice(0, 10)}.\n\n${table}\n`);
