/**
 * `npm run bench`: every measure in one table, written to `bench/results.md` too. Bundle sizes (deterministic, against
 * their budgets), the server under load beside a bare Hono app, the demo page in Lighthouse, and the directory and
 * calendar benchmarks (each run in a process of its own, side by side with its baseline, its table included as it
 * printed it). Figures and ratios, never thresholds: it exits 0 once everything has been measured.
 *
 * `--skip directory,calendar,server,page` leaves sections out for a quick look.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { bundleRows } from './bundle/rows.ts';
import { runPageBench } from './page/index.ts';
import { runServerBench } from './server/index.ts';
import { rowsTable, type Row } from './support/row.ts';

const { values: args } = parseArgs({ options: { skip: { type: 'string', default: '' } } });
const skip = new Set(args.skip.split(',').filter(Boolean));

if (!existsSync('dist/.vite/manifest.json')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const rows: Row[] = [...bundleRows()];
if (!skip.has('server')) rows.push(...await runServerBench());
if (!skip.has('page')) rows.push(...await runPageBench());

/** Runs one of the browser benches in its own process and returns the table it wrote. */
function browserBench(name: 'directory' | 'calendar'): string {
  if (skip.has(name)) return `_skipped_`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}/run.ts`], { stdio: 'inherit' });
  if (run.status !== 0) return `_failed to run (exit ${run.status})_`;
  return readFileSync(`bench/${name}/results.md`, 'utf8').replace(/^#.*\n/, '').trim();
}
const directory = browserBench('directory');
const calendar = browserBench('calendar');

const report = `# Kentro benchmarks

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${process.platform}, Node ${process.versions.node}.
Every comparison ran side by side in this one run; compare ratios, not absolute figures, across machines.

## Bundle, server and page

${rowsTable(rows)}

## Directory (search as you type)

${directory}

## Calendar (a month with 2,000 events)

${calendar}
`;
console.log(`\n${report}`);
await writeFile('bench/results.md', report);
