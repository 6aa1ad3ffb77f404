/**
 * Bundle sizes are deterministic, so `npm test` holds every widget to its download budget (issue 8), or to its
 * ceiling while the budget is not met yet (bench/bundle/budgets.ts says why), and checks that what was split out of
 * the first load stays out: zod (with the contract's schemas), MiniSearch, FullCalendar's month and week views.
 * Reads `dist/` (npm test builds first).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BUDGETS, KB, limitOf } from '../../bench/bundle/budgets.ts';
import { entrySizes } from '../../bench/bundle/sizes.ts';

const sizes = entrySizes('dist');
const widgets = sizes.filter((e) => e.entry.startsWith('kentro-') && e.entry !== 'kentro-provider');
const text = (files: string[]) => files.map((f) => readFileSync(`dist/${f}`, 'utf8')).join('\n');
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<string, { file: string; src?: string }>;
const fileOf = (src: string) => Object.values(manifest).find((c) => c.src?.endsWith(src))?.file;

describe('bundle budgets (min + gzip, entry + static imports)', () => {
  it('measures every budgeted entry', () => {
    assert.deepEqual(sizes.filter((e) => e.entry in BUDGETS).map((e) => e.entry).sort(), Object.keys(BUDGETS).sort());
  });

  for (const entry of Object.keys(BUDGETS)) {
    it(`${entry} is within ${(limitOf(entry) / KB).toFixed(1)} KB`, () => {
      const size = sizes.find((e) => e.entry === entry)!;
      assert.ok(size.gzipBytes <= limitOf(entry), `${entry}: ${(size.gzipBytes / KB).toFixed(1)} KB > ${(limitOf(entry) / KB).toFixed(1)} KB (${size.files.join(', ')})`);
    });
  }

  it('no widget loads zod or the contract\'s schemas before its first request', () => {
    for (const w of widgets) assert.doesNotMatch(text(w.files), /\$ZodObject/, `${w.entry} carries zod: ${w.files.join(', ')}`);
  });

  it('the directory loads MiniSearch beside its data, not before', () => {
    const directory = widgets.find((w) => w.entry === 'kentro-programme-directory')!;
    assert.doesNotMatch(text(directory.files), /MiniSearch/);
  });

  it('the calendar loads the month and week views only when it is wide', () => {
    const calendar = widgets.find((w) => w.entry === 'kentro-events-calendar')!;
    for (const src of ['fullcalendar/daygrid.js', 'fullcalendar/timegrid.js']) {
      const file = fileOf(src);
      assert.ok(file, `${src} is not a chunk of its own`);
      assert.ok(!calendar.files.includes(file), `${src} is in the calendar's first load`);
    }
  });
});
