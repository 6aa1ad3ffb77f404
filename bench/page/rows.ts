/** The page bench's figures as rows of the combined `npm run bench` table (goals printed, never asserted). */
import type { Row } from '../support/row.ts';
import type { PageReport } from './measure.ts';

/** Widgets reserve their space before they upgrade: the page must not move. */
export const CLS_GOAL = 0.01;
export const SCORE_GOAL = 100;

export function toRows(report: PageReport): Row[] {
  const rows: Row[] = [];
  for (const { preset, lang, result: r } of report.cases) {
    const name = (what: string) => `Demo page · ${preset} · ${lang} · ${what}`;
    const score = (what: string, value: number) =>
      rows.push({ section: 'page', name: name(what), ours: value, unit: 'score', goal: String(SCORE_GOAL), met: value >= SCORE_GOAL });
    score('performance', r.performance);
    score('accessibility', r.accessibility);
    score('best practices', r.bestPractices);
    rows.push({ section: 'page', name: name('LCP'), ours: r.lcp, unit: 'ms' });
    rows.push({ section: 'page', name: name('TBT'), ours: r.tbt, unit: 'ms' });
    rows.push({ section: 'page', name: name('CLS'), ours: r.cls, unit: 'CLS', goal: `≤ ${CLS_GOAL}`, met: r.cls <= CLS_GOAL });
  }
  return rows;
}
