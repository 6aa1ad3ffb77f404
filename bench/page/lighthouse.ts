/**
 * One Lighthouse run of a page in an already running Chromium: the three category scores we track, the metrics
 * behind them, and every audit that failed (what to fix).
 */
import lighthouse, { desktopConfig } from 'lighthouse';
import type { Result } from 'lighthouse';

export type Preset = 'mobile' | 'desktop';

export interface FailedAudit {
  id: string;
  category: 'performance' | 'accessibility' | 'best-practices';
  title: string;
  score: number | null;
  /** Lighthouse's own short figure, e.g. `Potential savings of 120 KiB`. */
  displayValue?: string;
  /** The first few items it names (URLs, selectors, messages), as text. */
  items: string[];
}

export interface PageResult {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Largest Contentful Paint, ms. */
  lcp: number;
  /** Total Blocking Time, ms. */
  tbt: number;
  /** Cumulative Layout Shift. */
  cls: number;
  /** First Contentful Paint, ms. */
  fcp: number;
  failed: FailedAudit[];
  /** Main-thread time per script (Lighthouse's `bootup-time`), the costliest first. */
  scripts: { url: string; totalMs: number; scriptingMs: number }[];
  /** The longest main-thread tasks and the script each is attributed to. */
  longTasks: { url: string; ms: number }[];
  /** Bytes transferred for the whole page, KiB. */
  transferKiB: number;
  lighthouseVersion: string;
  userAgent: string;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN;
const tableItems = (lhr: Result, id: string): Record<string, unknown>[] => {
  const items = (lhr.audits[id]?.details as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? items : [];
};
const score = (lhr: Result, id: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);

/** The path of a URL of the page's own origin (`/widgets/all.js`), other URLs whole. */
const short = (url: string) => url.replace(/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?/, '');

interface ChainNode { url: string; navStartToEndTime: number; isLongest?: boolean; children?: Record<string, ChainNode> }

/** The longest request chain of a network-tree detail: each request waits for the one before it. */
function longestChain(chains: Record<string, ChainNode>): string {
  const path: string[] = [];
  let end = 0;
  let node = Object.values(chains).find((c) => c.isLongest);
  while (node) {
    path.push(short(node.url));
    end = node.navStartToEndTime;
    node = Object.values(node.children ?? {}).find((c) => c.isLongest);
  }
  return `longest chain, ${Math.round(end)} ms: ${path.join(' → ')}`;
}

/** Text of an audit's detail item (the URL, selector or message it is about), or undefined for an explanation. */
function itemText(item: Record<string, unknown>): string | undefined {
  const section = item.value as { type?: string; chains?: Record<string, ChainNode> } | undefined;
  if (item.type === 'list-section') return section?.type === 'network-tree' && section.chains ? longestChain(section.chains) : undefined;
  const node = item.node as { selector?: string; snippet?: string } | undefined;
  const source = item.source as { url?: string } | undefined;
  const text = item.url ?? source?.url ?? node?.selector ?? item.description ?? item.label ?? item.groupLabel ?? item.entity;
  if (typeof text !== 'string') return undefined;
  const extra = typeof item.wastedBytes === 'number' ? ` (${Math.round(item.wastedBytes / 1024)} KiB)`
    : typeof item.wastedMs === 'number' ? ` (${Math.round(item.wastedMs)} ms)`
    : typeof item.duration === 'number' ? ` (${Math.round(item.duration)} ms)` : '';
  return `${short(text)}${extra}`;
}

function failedAudits(lhr: Result): FailedAudit[] {
  const out: FailedAudit[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      // Metrics are scored on a curve and reported as figures; informative and not-applicable audits have no score.
      if (!a || ref.group === 'metrics' || a.score === null || a.score >= 0.9) continue;
      if (a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'manual') continue;
      const details = a.details as { items?: Record<string, unknown>[] } | undefined;
      out.push({
        id: a.id, category, title: a.title, score: a.score,
        ...(a.displayValue ? { displayValue: a.displayValue } : {}),
        items: (Array.isArray(details?.items) ? details.items : []).map(itemText).filter((t) => t !== undefined).slice(0, 5),
      });
    }
  }
  return out;
}

/** Runs Lighthouse on `url` in the Chromium listening for DevTools on `port`. */
export async function runLighthouse(url: string, port: number, preset: Preset): Promise<PageResult> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, preset === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return {
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    lcp: numeric(lhr, 'largest-contentful-paint'),
    tbt: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    fcp: numeric(lhr, 'first-contentful-paint'),
    failed: failedAudits(lhr),
    scripts: tableItems(lhr, 'bootup-time').slice(0, 6)
      .map((i) => ({ url: short(String(i.url)), totalMs: Number(i.total), scriptingMs: Number(i.scripting) })),
    longTasks: tableItems(lhr, 'long-tasks').slice(0, 6).map((i) => ({ url: short(String(i.url)), ms: Number(i.duration) })),
    transferKiB: numeric(lhr, 'total-byte-weight') / 1024,
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment.hostUserAgent,
  };
}
