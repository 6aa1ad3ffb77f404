/**
 * `node --import tsx bench/calendar/run.ts [--n 2000] [--reps 5]`
 *
 * Month view with N events, side by side in one Chromium and one run:
 *
 * - ours: `<kentro-events-calendar view="month">` fetching `GET {api-base}/events?from=&to=` from the bench server;
 * - bare: FullCalendar 7 (`fullcalendar` + `fullcalendar/daygrid` + classic theme), dayGridMonth, Europe/Athens,
 *   in a plain div, with a function source fetching the same endpoint (fetch + JSON, no validation).
 *
 * For each: first render until the events are painted, then next month and back (each until painted). After an
 * unrecorded warm-up of each, REPS repetitions alternate the order; medians are printed with the ratio
 * ours ÷ bare, written to `bench/calendar/results.md`. Figures, never thresholds: always exits 0.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { EventList } from '../../src/contract/events.ts';
import { generateEvents } from './generate.ts';
import type { Kind, MountResult, NavResult } from './page.ts';
import { startBenchServer, TIME_ZONE } from './server.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    reps: { type: 'string', default: '5' },
  },
});
const N = Number(args.n);
const REPS = Math.max(1, Number(args.reps));
/** The month rendered first (it crosses Athens' DST change on the 29th) and the one "next" goes to. */
const MONTH = '2026-03';
const NEXT = '2026-04';
const KINDS: Kind[] = ['ours', 'bare'];
const LABEL: Record<Kind, string> = { ours: 'ours `<kentro-events-calendar>`', bare: 'bare FullCalendar 7' };
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const ratio = (a: number, b: number) => {
  const r = a / b;
  return Number.isFinite(r) ? `${r.toFixed(r >= 10 ? 0 : 2)}×` : '–';
};
const median = (values: number[]) => {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};

/** The 6-week Monday-first grid of a `YYYY-MM` month: [first day, day after last) as `YYYY-MM-DD`. */
function grid(ym: string): [string, string] {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const start = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * 86_400_000);
  const end = new Date(start.getTime() + 42 * 86_400_000);
  return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
}

interface Rep { first: MountResult; next: NavResult; back: NavResult }

async function main() {
  const started = Date.now();
  const events = generateEvents([MONTH, NEXT], N);
  // What the widget accepts: parse with the contract's own schema.
  EventList.parse({ timeZone: TIME_ZONE, from: `${MONTH}-01`, to: `${NEXT}-30`, items: events });
  const inGrid = (ym: string) => {
    const [from, to] = grid(ym);
    return events.filter((e) => e.start.slice(0, 10) >= from && e.start.slice(0, 10) < to).length;
  };
  const expMonth = inGrid(MONTH);
  const expNext = inGrid(NEXT);

  const outDir = await mkdtemp(join(tmpdir(), 'kentro-bench-calendar-'));
  await build({
    configFile: false, root, logLevel: 'warn', publicDir: false, mode: 'production',
    define: { __KENTRO_VERSION__: JSON.stringify('bench') },
    build: {
      outDir, emptyOutDir: true, target: 'es2022', minify: true, sourcemap: false, modulePreload: false,
      reportCompressedSize: false, rolldownOptions: { input: join(here, 'index.html') },
    },
  });
  const server = await startBenchServer(events, outDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROME_ARGS, headless: true });
  const results: Record<Kind, Rep[]> = { ours: [], bare: [] };
  const views: Record<Kind, string> = { ours: '', bare: '' };
  let chromeVersion = '';
  try {
    chromeVersion = browser.version();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => !!window.kentroCalendarBench && !!customElements.get('kentro-events-calendar'));
    const base = `${server.url}/api`;
    const once = async (kind: Kind): Promise<Rep> => {
      const first = await page.evaluate(([k, b, d, e]) => window.kentroCalendarBench.mount(k as Kind, b as string, d as string, e as number), [kind, base, `${MONTH}-15`, expMonth] as const);
      views[kind] = first.view;
      const next = await page.evaluate((e) => window.kentroCalendarBench.navigate('next', e), expNext);
      const back = await page.evaluate((e) => window.kentroCalendarBench.navigate('prev', e), expMonth);
      const shown = await page.evaluate(() => window.kentroCalendarBench.describe());
      await page.evaluate(() => window.kentroCalendarBench.unmount());
      if (!Number.isFinite(first.firstMs) || !Number.isFinite(next.ms) || !Number.isFinite(back.ms)) {
        console.error(`${kind}: timed out (${JSON.stringify({ first, next, back, shown })})`);
      }
      return { first, next, back };
    };
    // Warm-up, not recorded: the first mount of each compiles its code.
    for (const kind of KINDS) await once(kind);
    for (let rep = 0; rep < REPS; rep++) {
      for (const kind of rep % 2 === 0 ? KINDS : [...KINDS].reverse()) {
        const r = await once(kind);
        results[kind].push(r);
        process.stderr.write(`rep ${rep + 1} ${kind}: first ${f1(r.first.firstMs)} (${r.first.firstCount} ev), next ${f1(r.next.ms)} (${r.next.count}), back ${f1(r.back.ms)} (${r.back.count})\n`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }

  const stats = Object.fromEntries(KINDS.map((k) => {
    const r = results[k];
    return [k, {
      first: median(r.map((x) => x.first.firstMs)), next: median(r.map((x) => x.next.ms)), back: median(r.map((x) => x.back.ms)),
      nav: median(r.map((x) => x.next.ms + x.back.ms)),
      counts: `${median(r.map((x) => x.first.firstCount))} / ${median(r.map((x) => x.next.count))} / ${median(r.map((x) => x.back.count))}`,
    }];
  })) as Record<Kind, { first: number; next: number; back: number; nav: number; counts: string }>;
  const o = stats.ours;
  const b = stats.bare;

  const lines: string[] = [];
  lines.push(`## Calendar: month view, ${N.toLocaleString('en')} events per month (${MONTH} and ${NEXT}), ${REPS} repetitions, medians`);
  lines.push('');
  lines.push(`Chromium ${chromeVersion}, ${cpus().length} cores, Node ${process.version}, viewport 1280×900; times in ms, each until the end of the first`);
  lines.push(`frame whose DOM holds every event of the grid (${expMonth.toLocaleString('en')} events in the ${MONTH} grid, ${expNext.toLocaleString('en')} in the ${NEXT} grid), fetch included.`);
  lines.push('');
  lines.push('| calendar | view | first render → painted | next month → painted | back → painted | next + back | events painted (first / next / back) |');
  lines.push('|---|---|--:|--:|--:|--:|--:|');
  for (const k of KINDS) {
    const s = stats[k];
    lines.push(`| ${LABEL[k]} | ${views[k]} | ${f1(s.first)} | ${f1(s.next)} | ${f1(s.back)} | ${f1(s.nav)} | ${s.counts} |`);
  }
  lines.push(`| **ours ÷ bare** | | ${ratio(o.first, b.first)} | ${ratio(o.next, b.next)} | ${ratio(o.back, b.back)} | ${ratio(o.nav, b.nav)} | |`);
  lines.push('');
  lines.push(`Events: generated, ${TIME_ZONE} with offsets (+02:00, +03:00 from 29 March), 08:00–20:00, single-day, about 7 in 9 scheduled, the rest`);
  lines.push('cancelled / postponed / moved online. Bare: `new Calendar(div, { plugins: [dayGrid, classic], initialView: \'dayGridMonth\',');
  lines.push('timeZone: \'Europe/Athens\', firstDay: 1, height: \'auto\', events: fetch function })`; ours also renders its filters, status words,');
  lines.push(`accessible names and JSON-LD, validates the answer (zod) and fetches the coming 3 months for its filters. Run took ${((Date.now() - started) / 1000).toFixed(0)} s.`);

  const table = lines.join('\n');
  console.log(table);
  const md = `# Calendar benchmark\n\nGenerated by \`node --import tsx bench/calendar/run.ts${N !== 2000 ? ` --n ${N}` : ''}${REPS !== 5 ? ` --reps ${REPS}` : ''}\` (see \`bench/calendar/README.md\` for the method).\n\n${table}\n`;
  await writeFile(join(here, 'results.md'), md);
}

await main();
