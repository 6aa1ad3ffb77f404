/**
 * The demo page in Lighthouse: our server started as `npm start` starts it (once `dist/` is built, on a fresh
 * PGlite folder with the demo data), one Debian Chromium launched by chrome-launcher, and Lighthouse's mobile and
 * desktop presets on the page in Greek and in Arabic (right to left). With several runs, each figure is the median.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import { ensureBuilt, startRealServer } from '../support/real-server.ts';
import { runLighthouse, type PageResult, type Preset } from './lighthouse.ts';

export type Lang = 'el' | 'ar';

export interface PageBenchOptions {
  /** Lighthouse runs per preset and language (default 1); figures are medians. */
  runs?: number;
  presets?: readonly Preset[];
  langs?: readonly Lang[];
  progress?: (line: string) => void;
}

export interface PageCase {
  preset: Preset;
  lang: Lang;
  url: string;
  /** Medians over the runs; audits, scripts and tasks are those of the run whose performance score is the median. */
  result: PageResult;
  runs: number;
}

export interface PageReport {
  cases: PageCase[];
  chrome: string;
  lighthouseVersion: string;
  tookSeconds: number;
}

export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

const median = (values: number[]) => {
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};

function medianResult(results: PageResult[]): PageResult {
  const pick = (key: 'performance' | 'accessibility' | 'bestPractices' | 'lcp' | 'tbt' | 'cls' | 'fcp' | 'transferKiB') => median(results.map((r) => r[key]));
  const byPerformance = [...results].sort((a, b) => a.performance - b.performance);
  const middle = byPerformance[Math.floor((byPerformance.length - 1) / 2)]!;
  return {
    ...middle,
    performance: pick('performance'), accessibility: pick('accessibility'), bestPractices: pick('bestPractices'),
    lcp: pick('lcp'), tbt: pick('tbt'), cls: pick('cls'), fcp: pick('fcp'), transferKiB: pick('transferKiB'),
  };
}

export async function measurePage(options: PageBenchOptions = {}): Promise<PageReport> {
  const started = Date.now();
  const runs = Math.max(1, options.runs ?? 1);
  const presets = options.presets ?? ['mobile', 'desktop'];
  const langs = options.langs ?? ['el', 'ar'];
  const log = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  ensureBuilt();
  const dataDir = await mkdtemp(join(tmpdir(), 'kentro-bench-page-'));
  const server = await startRealServer({ dataDir, logFile: join(dataDir, 'server.log') });
  const chrome = await launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const version = await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json() as { Browser: string };
    // Read every file once, so the first measured run does not pay for the server's first reads from disk.
    for (const lang of langs) await (await fetch(`${server.url}/?lang=${lang}`)).text();
    const cases: PageCase[] = [];
    for (const preset of presets) {
      for (const lang of langs) {
        const url = `${server.url}/?lang=${lang}`;
        const results: PageResult[] = [];
        for (let run = 0; run < runs; run++) {
          const r = await runLighthouse(url, chrome.port, preset);
          results.push(r);
          log(`page ${preset} ${lang} run ${run + 1}: performance ${r.performance}, accessibility ${r.accessibility}, best practices ${r.bestPractices}, ` +
            `LCP ${Math.round(r.lcp)} ms, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}`);
        }
        cases.push({ preset, lang, url: `/?lang=${lang}`, result: medianResult(results), runs });
      }
    }
    return { cases, chrome: version.Browser, lighthouseVersion: cases[0]?.result.lighthouseVersion ?? '', tookSeconds: (Date.now() - started) / 1000 };
  } finally {
    chrome.kill();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
