/// <reference lib="dom" />
/**
 * The bench page (browser side). `index.html` registers `<kentro-programme-directory>` from the sources; this
 * script mounts one directory at a time with a chosen engine plugged in through its `indexer` property and
 * measures, for every keystroke in the search box:
 *
 * - total: from the keydown's `event.timeStamp` to the end of the first frame painted after the results updated.
 *   The capturing `input` listener (on window, before the widget's own) asks for `requestAnimationFrame`, and
 *   from there `setTimeout(0)`: that task runs after the frame's style, layout and paint (main-thread paint
 *   recording). Raster and display on the compositor are not included. If one of the widget's own timers that
 *   expired meanwhile runs first, the end is the start of the update it causes.
 * - wait: the idle gap between the end of the keystroke's work and the start of that frame; total − wait is
 *   the keystroke's main-thread work;
 * - update: time inside the widget's Lit `update()` (render + DOM commit, including the search it runs);
 * - search: time inside the engine's `search()`.
 *
 * It also keeps Event Timing entries (`PerformanceObserver` type `event`, threshold 16 ms) as a cross-check.
 */
import Fuse from 'fuse.js';
import { buildSearchIndex, type SearchIndex } from '../../src/components/programme-directory/search-index.ts';
import type { HsdsService } from '../../src/contract/hsds.ts';

export type Engine = 'ours' | 'plain' | 'fuse';
/** `bare`: a plain `<input>` with no widget behind it, the floor set by the browser's frame clock. */
export type Mode = Engine | 'bare';

export interface Sample {
  query: string;
  /** The keydown's `timeStamp`. */
  start: number;
  total: number;
  /**
   * Idle time between the end of the keystroke's work (the widget's update) and the start of the next frame:
   * the wait for the 60 Hz frame clock. `total - wait` is the main-thread work of the keystroke.
   */
  wait: number;
  /** When the frame that painted the results began (performance.now()). */
  frame: number;
  update: number;
  search: number;
  /** Ids the engine returned for the query (before filters). */
  results: number;
  /** The widget's count line after the paint, to check the UI really changed. */
  count: string;
}

interface DirectoryElement extends HTMLElement {
  indexer?: (services: readonly HsdsService[]) => SearchIndex;
  update(changed: unknown): void;
}

/** The comparison engines behind the same `SearchIndex` interface. */
function build(engine: Engine, services: readonly HsdsService[]): SearchIndex {
  if (engine === 'ours') return buildSearchIndex(services);
  if (engine === 'plain') return buildSearchIndex(services, { fold: false });
  const fuse = new Fuse(services as HsdsService[], { keys: ['name', 'description'], threshold: 0.3, ignoreLocation: true });
  const all = services.map((s) => s.id);
  return { search: (query) => (query.trim() ? fuse.search(query.trim()).map((r) => r.item.id) : all) };
}

const timed: { at: number; ms: number }[] = [];
const searches: { at: number; ms: number; n: number }[] = [];
const samples: Sample[] = [];
const eventTimings: { interactionId: number; name: string; startTime: number; duration: number }[] = [];
let current: { el: DirectoryElement; engine?: Engine; services?: readonly HsdsService[]; index?: SearchIndex; buildMs?: number } | undefined;
let keyAt: number | undefined;
let waiter: { count: number; resolve: () => void } | undefined;

const sum = (list: { ms: number }[]) => list.reduce((t, x) => t + x.ms, 0);

addEventListener('keydown', (e) => { keyAt = e.timeStamp; }, true);
addEventListener('input', (e) => {
  const target = e.composedPath()[0];
  if (!current || !(target instanceof HTMLInputElement) || target.id !== 'q') return;
  const start = keyAt ?? e.timeStamp;
  keyAt = undefined;
  const inputAt = performance.now();
  const query = target.value;
  const updateMark = timed.length;
  const searchMark = searches.length;
  requestAnimationFrame(() => {
    // Style, layout and paint of this frame run in this same task, right after the rAF callbacks.
    const frameAt = performance.now();
    setTimeout(() => {
      // A timer of the widget that expired meanwhile (its 250 ms server-query debounce, when a keystroke takes
      // longer than that) runs before this one: end at the start of that later update, not after it.
      const later = timed.slice(updateMark).find((x) => x.at > frameAt)?.at ?? Infinity;
      const end = Math.min(performance.now(), later);
      const mine = searches.slice(searchMark).filter((x) => x.at < frameAt);
      const before = timed.slice(updateMark).filter((x) => x.at < frameAt);
      const busyEnd = Math.max(inputAt, ...before.map((x) => x.at + x.ms));
      samples.push({
        query, start, total: end - start, wait: Math.max(0, frameAt - busyEnd), frame: frameAt, update: sum(timed.slice(updateMark).filter((x) => x.at < frameAt)), search: sum(mine),
        results: mine.at(-1)?.n ?? -1, count: current?.el.shadowRoot?.querySelector('#count')?.textContent?.trim() ?? '',
      });
      if (waiter && samples.length >= waiter.count) { waiter.resolve(); waiter = undefined; }
    }, 0);
  });
}, true);

try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEventTiming[]) {
      if (e.interactionId) eventTimings.push({ interactionId: e.interactionId, name: e.name, startTime: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
} catch {
  // no Event Timing: the cross-check stays empty
}

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const api = {
  /** Mounts a fresh directory with `engine` (or a bare input); resolves once the search box is painted. */
  async mount(engine: Mode, base: string) {
    api.unmount();
    history.replaceState(null, '', location.pathname);
    samples.length = 0;
    timed.length = 0;
    searches.length = 0;
    eventTimings.length = 0;
    if (engine === 'bare') {
      const box = document.createElement('div');
      box.innerHTML = '<label for="q">Αναζήτηση</label> <input id="q" type="search" autocomplete="off" spellcheck="false">';
      current = { el: box as unknown as DirectoryElement };
      document.getElementById('stage')!.append(box);
      await nextPaint();
      return { buildMs: NaN, readyMs: NaN };
    }
    const el = document.createElement('kentro-programme-directory') as DirectoryElement;
    const state: NonNullable<typeof current> = { el, engine };
    current = state;
    el.setAttribute('hsds-base', base);
    // Force the in-browser search at any size (the default limit sends large directories to the server).
    el.setAttribute('local-limit', '1000000');
    el.indexer = (services) => {
      const t = performance.now();
      const index = build(engine, services);
      state.buildMs = performance.now() - t;
      state.index = index;
      state.services = services;
      return {
        search(query: string) {
          const s = performance.now();
          const ids = index.search(query);
          searches.push({ at: s, ms: performance.now() - s, n: ids.length });
          return ids;
        },
      };
    };
    const update = el.update;
    el.update = function (changed: unknown) {
      const s = performance.now();
      update.call(this, changed);
      timed.push({ at: s, ms: performance.now() - s });
    };
    const t0 = performance.now();
    document.getElementById('stage')!.append(el);
    for (;;) {
      await nextPaint();
      if (el.shadowRoot?.querySelector('#q')) break;
      if (el.shadowRoot?.querySelector('.notice--error')) throw new Error(`load failed: ${el.shadowRoot.textContent}`);
    }
    return { buildMs: state.buildMs ?? NaN, readyMs: performance.now() - t0 };
  },
  unmount() {
    current?.el.remove();
    current = undefined;
  },
  /** Resolves once `count` keystroke samples are recorded. */
  waitSamples(count: number) {
    if (samples.length >= count) return Promise.resolve();
    return new Promise<void>((resolve) => { waiter = { count, resolve }; });
  },
  samples: () => samples.slice(),
  /**
   * Event Timing's duration of each sample's interaction (keydown start → next paint, in steps of 8 ms), matched
   * by the keydown's timestamp; 0 when the browser reported nothing, that is under 16 ms.
   */
  eventTimings() {
    return samples.map((s) => {
      const keydown = eventTimings.find((e) => e.name === 'keydown' && Math.abs(e.startTime - s.start) < 0.5);
      const duration = keydown ? Math.max(...eventTimings.filter((e) => e.interactionId === keydown.interactionId).map((e) => e.duration)) : 0;
      return { query: s.query, duration };
    });
  },
  /** Work done after `since` (ms, performance.now()): updates and searches the widget ran without a keystroke. */
  workSince(since: number) {
    const u = timed.filter((x) => x.at >= since);
    const s = searches.filter((x) => x.at >= since);
    return { updates: u.length, updateMs: sum(u), searches: s.length, searchMs: sum(s) };
  },
  /** When the last keystroke's frame began: the widget's own work after it is what a pause costs. */
  lastFrame: () => samples.at(-1)?.frame ?? performance.now(),
  /** Builds the mounted engine's index `times` more times on the same services; the build times in ms. */
  rebuild(times: number) {
    const { engine, services } = current ?? {};
    if (!engine || !services) return [];
    return Array.from({ length: times }, () => {
      const t = performance.now();
      build(engine, services);
      return performance.now() - t;
    });
  },
  /** How many ids the mounted engine finds for each query (straight from the index, no UI). */
  quality(queries: string[]) {
    return Object.fromEntries(queries.map((q) => [q, current?.index?.search(q).length ?? -1]));
  },
};

declare global {
  interface Window { kentroBench: typeof api }
}
window.kentroBench = api;
