/**
 * `node --import tsx bench/directory/run.ts [--n 10000] [--rounds 1] [--profile] [--verbose] [--engines ours,plain,fuse]`
 *
 * The programme directory with N generated services, side by side in one Chromium and one run, on three engines
 * plugged into the same widget through its `indexer` property:
 *
 * - ours:  MiniSearch with the Greek normaliser (`buildSearchIndex`), the widget's default;
 * - plain: the same MiniSearch options without the normaliser (`buildSearchIndex(…, { fold: false })`);
 * - fuse:  Fuse.js, keys name and description, threshold 0.3, ignoreLocation.
 *
 * After an unrecorded warm-up, each round measures a bare `<input>` (the browser's own floor) and then mounts the
 * three one after another (the order reverses every other round) and types the same words key by key. It prints
 * one table with index build time, keystroke-to-results-painted p50/p95 and the ratios to ours, writes it to
 * `bench/directory/results.md`, and always exits 0 (figures, never thresholds). `--profile` adds a CPU profile and
 * a Chromium trace of ours (unminified build) showing where a keystroke's time goes; `--verbose` prints every
 * keystroke. See README.md for the method.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';
import { HsdsServicePage } from '../../src/contract/hsds.ts';
import { generateDirectory } from './generate.ts';
import { clearField, typeChar } from './keys.ts';
import type { Engine, Mode, Sample } from './page.ts';
import { startBenchServer } from './server.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
    /** A subset, for a quick look while working on one engine; the full table needs all three. */
    engines: { type: 'string', default: 'ours,plain,fuse' },
    /** Every keystroke on stderr: engine, query, total, update, search, ids. */
    verbose: { type: 'boolean', default: false },
  },
});
const N = Number(args.n);
const ROUNDS = Math.max(1, Number(args.rounds));

/** What a person types, one key at a time; the field is emptied between words. */
const WORDS = ['παιδια', 'γονεις', 'στεγαση', 'counsel', 'επίδομα', 'ΚΕΑ'];
/** Result quality: the folding cases of issue 3 (same results expected), a typo, English. */
const QUALITY = ['παιδια', 'παιδιά', 'ΠΑΙΔΙΑ', 'γονεις', 'γονεισ', 'γονείς', 'παιδα', 'στεγαση', 'στέγαση', 'επιδομα', 'κεα', 'counselling'];
/** Ours always runs: every ratio is to it. */
const ENGINES: Engine[] = ['ours', ...(['plain', 'fuse'] as const).filter((e) => args.engines.split(',').includes(e))];
const LABEL: Record<Mode, string> = {
  bare: 'bare `<input>`, no widget (floor)', ours: 'ours (MiniSearch + Greek folding)', plain: 'MiniSearch, no normaliser', fuse: 'Fuse.js',
};
/** Pause after each painted keystroke before the next key (a fast typist's rhythm, below the widget's debounces). */
const GAP_MS = 60;
/** The pause after the last word: the widget's debounced work (server-query timer, count announcement) runs. */
const PAUSE_MS = 1200;
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Linear interpolation between closest ranks. */
function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (at - lo);
}

interface EngineResult {
  builds: number[];
  ready: number[];
  samples: Sample[];
  clears: Sample[];
  eventTimings: number[];
  deferred: { updates: number; updateMs: number; searches: number }[];
  quality: Record<string, number>;
}

const emptyResult = (): EngineResult => ({ builds: [], ready: [], samples: [], clears: [], eventTimings: [], deferred: [], quality: {} });

async function session(page: Page, cdp: CDPSession, engine: Mode, base: string, out: EngineResult, words = WORDS) {
  const { buildMs, readyMs } = await page.evaluate(([e, b]) => window.kentroBench.mount(e as Mode, b), [engine, base] as const);
  out.builds.push(buildMs);
  out.ready.push(readyMs);
  await page.locator('#q').click();
  let expected = 0;
  for (const [w, word] of words.entries()) {
    for (const ch of word) {
      await typeChar(cdp, ch);
      await page.evaluate((n) => window.kentroBench.waitSamples(n), ++expected);
      await sleep(GAP_MS);
    }
    if (w === words.length - 1 && engine !== 'bare') {
      // A pause after the last word: what the widget does on its own once typing stops.
      await sleep(PAUSE_MS);
      const since = await page.evaluate(() => window.kentroBench.lastFrame());
      out.deferred.push(await page.evaluate((s) => window.kentroBench.workSince(s), since));
    }
    await clearField(cdp);
    await page.evaluate((n) => window.kentroBench.waitSamples(n), ++expected);
    await sleep(GAP_MS);
  }
  const samples = await page.evaluate(() => window.kentroBench.samples());
  out.samples.push(...samples.filter((s) => s.query !== ''));
  if (args.verbose) for (const s of samples) process.stderr.write(`${engine}\t${JSON.stringify(s.query)}\ttotal ${f1(s.total)}\twait ${f1(s.wait)}\tupdate ${f1(s.update)}\tsearch ${f1(s.search)}\tids ${s.results}\n`);
  out.clears.push(...samples.filter((s) => s.query === ''));
  out.eventTimings.push(...(await page.evaluate(() => window.kentroBench.eventTimings())).filter((e) => e.query !== '').map((e) => e.duration));
  if (engine !== 'bare') {
    out.quality = await page.evaluate((q) => window.kentroBench.quality(q), QUALITY);
    // One build per mount is one sample: build twice more on the same services for a median.
    out.builds.push(...await page.evaluate(() => window.kentroBench.rebuild(2)));
  }
  await page.evaluate(() => window.kentroBench.unmount());
}

/** Types every word once into the mounted directory, waiting for each keystroke's paint. */
async function typeWords(page: Page, cdp: CDPSession) {
  let expected = 0;
  for (const word of WORDS) {
    for (const ch of word) {
      await typeChar(cdp, ch);
      await page.evaluate((n) => window.kentroBench.waitSamples(n), ++expected);
    }
    await clearField(cdp);
    await page.evaluate((n) => window.kentroBench.waitSamples(n), ++expected);
  }
  return expected;
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } }

/**
 * Where ours spends a keystroke: a V8 CPU profile (self time per function) and a Chromium trace of the renderer's
 * main thread (self time per trace event: script, style, layout, paint…), both over the same typing.
 */
async function profileOurs(browser: Browser, page: Page, cdp: CDPSession, base: string) {
  await page.evaluate(([b]) => window.kentroBench.mount('ours', b!), [base] as const);
  await page.locator('#q').click();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const keystrokes = await typeWords(page, cdp);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  let jsTotal = 0;
  for (const node of profile.nodes) {
    const f = node.callFrame;
    if (['(idle)', '(program)', '(root)'].includes(f.functionName)) continue;
    const us = dt.get(node.id) ?? 0;
    jsTotal += us;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  const functions = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)
    .map(([fn, us]) => ({ fn, ms: us / 1000, share: us / jsTotal }));

  // The same typing under the tracer (a fresh mount, so the two passes see the same state).
  await page.evaluate(([b]) => window.kentroBench.mount('ours', b!), [base] as const);
  await page.locator('#q').click();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'] });
  await typeWords(page, cdp);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  await page.evaluate(() => window.kentroBench.unmount());
  const events = trace.traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && events.some((x) => x.pid === e.pid && x.name === 'EventDispatch'));
  const byName = new Map<string, number>();
  let traceTotal = 0;
  if (main) {
    const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { end: number; name: string; child: number; dur: number }[] = [];
    const pop = () => {
      const top = stack.pop()!;
      byName.set(top.name, (byName.get(top.name) ?? 0) + top.dur - top.child);
      if (stack.length === 0) traceTotal += top.dur;
    };
    for (const e of own) {
      while (stack.length && stack.at(-1)!.end <= e.ts) pop();
      if (stack.length) stack.at(-1)!.child += e.dur!;
      stack.push({ end: e.ts + e.dur!, name: e.name, child: 0, dur: e.dur! });
    }
    while (stack.length) pop();
  }
  const phases = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 14)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / traceTotal }));
  return { keystrokes, jsMs: jsTotal / 1000, functions, mainMs: traceTotal / 1000, phases };
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
/** Event Timing reports only interactions of 16 ms and more. */
const et = (x: number) => (x < 16 ? '< 16' : String(Math.round(x)));
const ratio = (a: number, b: number) => {
  const r = a / b;
  return Number.isFinite(r) ? `${r.toFixed(r >= 10 ? 0 : r >= 0.1 ? 1 : 2)}×` : '–';
};

async function main() {
  const started = Date.now();
  const directory = generateDirectory(N);
  // The generated data must be what the widget accepts: parse it with the widget's own schema.
  HsdsServicePage.parse({ total_items: N, total_pages: 1, page_number: 1, size: N, first_page: true, last_page: true, empty: N === 0, contents: directory.services });

  const outDir = await mkdtemp(join(tmpdir(), 'kentro-bench-directory-'));
  await build({
    configFile: false, root, logLevel: 'warn', publicDir: false, mode: 'production',
    define: { __KENTRO_VERSION__: JSON.stringify('bench') },
    build: {
      outDir, emptyOutDir: true, target: 'es2022', minify: !args.profile, sourcemap: false, modulePreload: false,
      reportCompressedSize: false, rolldownOptions: { input: join(here, 'index.html') },
    },
  });
  const server = await startBenchServer(directory, outDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROME_ARGS, headless: true });
  const results = Object.fromEntries((['bare', ...ENGINES] as Mode[]).map((e) => [e, emptyResult()])) as Record<Mode, EngineResult>;
  let profile: Awaited<ReturnType<typeof profileOurs>> | undefined;
  let chromeVersion = '';
  try {
    chromeVersion = browser.version();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => !!window.kentroBench && !!customElements.get('kentro-programme-directory'));
    const base = `${server.url}/hsds`;
    // Warm-up, not recorded: the first mount compiles Lit and the widget; no engine should pay for that.
    await session(page, cdp, 'ours', base, emptyResult(), ['παιδια']);
    for (let round = 0; round < ROUNDS; round++) {
      const order: Mode[] = ['bare', ...(round % 2 === 0 ? ENGINES : [...ENGINES].reverse())];
      for (const engine of order) {
        const t = Date.now();
        await session(page, cdp, engine, base, results[engine]);
        process.stderr.write(`round ${round + 1} ${engine}: ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
      }
    }
    if (args.profile) profile = await profileOurs(browser, page, cdp, base);
  } finally {
    await browser.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }

  const MODES: Mode[] = ['bare', ...ENGINES];
  const stats = Object.fromEntries(MODES.map((e) => {
    const r = results[e];
    const totals = r.samples.map((s) => s.total);
    const work = r.samples.map((s) => s.total - s.wait);
    return [e, {
      build: percentile(r.builds, 0.5),
      ready: percentile(r.ready, 0.5),
      p50: percentile(totals, 0.5), p95: percentile(totals, 0.95), max: Math.max(...totals),
      work50: percentile(work, 0.5), work95: percentile(work, 0.95), over: work.filter((t) => t > 16).length,
      update95: percentile(r.samples.map((s) => s.update), 0.95),
      search50: percentile(r.samples.map((s) => s.search), 0.5), search95: percentile(r.samples.map((s) => s.search), 0.95),
      clear50: percentile(r.clears.map((s) => s.total), 0.5),
      n: totals.length,
      slowEvents: r.eventTimings.filter((d) => d > 16).length, et50: percentile(r.eventTimings, 0.5), et95: percentile(r.eventTimings, 0.95),
      deferred: r.deferred.at(-1),
    }];
  })) as Record<Mode, {
    build: number; ready: number; p50: number; p95: number; max: number; work50: number; work95: number; over: number;
    update95: number; search50: number; search95: number; clear50: number; n: number; slowEvents: number; et50: number; et95: number;
    deferred?: { updates: number; updateMs: number; searches: number };
  }>;
  const o = stats.ours;
  const vs = (e: Mode, k: 'build' | 'p50' | 'p95' | 'work95') => (e === 'ours' ? '1×' : e === 'bare' ? '' : ratio(stats[e][k], o[k]));

  const lines: string[] = [];
  lines.push(`## Directory: ${N.toLocaleString('en')} services, ${ROUNDS} round(s), ${o.n} keystrokes per engine`);
  lines.push('');
  lines.push(`Chromium ${chromeVersion}, ${cpus().length} cores, Node ${process.version}; times in ms. Keystroke = keydown → end of the first frame painted`);
  lines.push('after the results changed; work = the same minus the idle gap before that frame began (the main-thread time the keystroke costs).');
  lines.push('');
  lines.push('| engine | index build | keystroke p50 | keystroke p95 | work p50 | work p95 | work > 16 ms | search p50 / p95 | Lit update p95 | build ÷ ours | p50 ÷ ours | p95 ÷ ours | work p95 ÷ ours |');
  lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const e of MODES) {
    const s = stats[e];
    const na = e === 'bare';
    lines.push(`| ${LABEL[e]} | ${na ? '' : f1(s.build)} | ${f1(s.p50)} | ${f1(s.p95)} | ${f1(s.work50)} | ${f1(s.work95)} | ${s.over}/${s.n} | ${na ? '' : `${f1(s.search50)} / ${f1(s.search95)}`} | ${na ? '' : f1(s.update95)} | ${vs(e, 'build')} | ${vs(e, 'p50')} | ${vs(e, 'p95')} | ${vs(e, 'work95')} |`);
  }
  lines.push('');
  const verdict = (x: number) => (x <= 16 ? 'met' : 'not met');
  lines.push(`Goal, p95 within one frame (16 ms) at ${N.toLocaleString('en')} services: ours keystroke → painted p95 ${f1(o.p95)} ms (${verdict(o.p95)}), work p95 ${f1(o.work95)} ms (${verdict(o.work95)}); a bare input's p95 is ${f1(stats.bare.p95)} ms.`);
  const ratios = (e: Engine, name: string) => (stats[e] ? `${name} / ours: build ${ratio(stats[e].build, o.build)}, keystroke p50 ${ratio(stats[e].p50, o.p50)}, p95 ${ratio(stats[e].p95, o.p95)}, work p95 ${ratio(stats[e].work95, o.work95)}` : '');
  const both = [ratios('fuse', 'Fuse.js'), ratios('plain', 'MiniSearch-plain')].filter(Boolean);
  if (both.length) lines.push(`Ratios: ${both.join(';  ')}.`);
  lines.push('');
  lines.push('| engine | load → usable (fetch + parse + index + first render) | emptying the field p50 | Event Timing p50 / p95 (keystrokes > 16 ms) | after typing stops (1.2 s): extra renders / searches / ms |');
  lines.push('|---|--:|--:|--:|--:|');
  for (const e of MODES) {
    const s = stats[e];
    if (e === 'bare') continue;
    lines.push(`| ${LABEL[e]} | ${f1(s.ready)} | ${f1(s.clear50)} | ${et(s.et50)} / ${et(s.et95)} (${s.slowEvents}/${s.n}) | ${s.deferred ? `${s.deferred.updates} / ${s.deferred.searches} / ${f1(s.deferred.updateMs)}` : '–'} |`);
  }
  lines.push('');
  lines.push('Result quality: ids each engine returns per query (same index, no filters).');
  lines.push('');
  lines.push(`| query | ${ENGINES.map((e) => LABEL[e]).join(' | ')} |`);
  lines.push(`|---|${ENGINES.map(() => '--:').join('|')}|`);
  for (const q of QUALITY) lines.push(`| ${q} | ${ENGINES.map((e) => results[e].quality[q] ?? '–').join(' | ')} |`);
  if (profile) {
    const per = (ms: number) => f1(ms / profile!.keystrokes);
    lines.push('');
    lines.push(`Profile of ours over the same ${profile.keystrokes} keystrokes (incl. emptying the field), in ms per keystroke.`);
    lines.push('');
    lines.push(`Renderer main thread (Chromium trace, self time per event), ${per(profile.mainMs)} ms per keystroke:`);
    lines.push('');
    lines.push('| trace event | ms / keystroke | share |');
    lines.push('|---|--:|--:|');
    for (const t of profile.phases) lines.push(`| ${t.name} | ${per(t.ms)} | ${(t.share * 100).toFixed(1)} % |`);
    lines.push('');
    lines.push(`JavaScript (V8 CPU profile, self time per function; unminified build), ${per(profile.jsMs)} ms per keystroke:`);
    lines.push('');
    lines.push('| function | ms / keystroke | share |');
    lines.push('|---|--:|--:|');
    for (const t of profile.functions) lines.push(`| \`${t.fn}\` | ${per(t.ms)} | ${(t.share * 100).toFixed(1)} % |`);
  }
  lines.push('');
  lines.push(`Words typed key by key (real key events, Greek layout with the dead accent key): ${WORDS.join(', ')}; ${GAP_MS} ms after each painted keystroke. Run took ${((Date.now() - started) / 1000).toFixed(0)} s.`);

  const table = lines.join('\n');
  console.log(table);
  // Only the full comparison is the record; a subset (--engines) or a profiling run (unminified) only prints.
  if (ENGINES.length < 3 || args.profile) return;
  const md = `# Directory benchmark\n\nGenerated by \`node --import tsx bench/directory/run.ts --n ${N}${ROUNDS !== 1 ? ` --rounds ${ROUNDS}` : ''}\` (see \`bench/directory/README.md\` for the method).\n\n${table}\n`;
  await writeFile(join(here, 'results.md'), md);
}

await main();
