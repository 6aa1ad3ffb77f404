/**
 * One line of the combined `npm run bench` table. Every bench section (server, page, …) returns its figures as
 * rows of this shape, so one runner can print them together. Goals are printed with `met`, never asserted.
 */
export interface Row {
  /** Which bench produced it: `server`, `page`, … */
  section: string;
  /** What was measured, e.g. `PostgreSQL · POST /api/intake/requests · req/s`. */
  name: string;
  /** Our figure. */
  ours: number;
  /** The side-by-side baseline's figure in the same run, when there is one. */
  baseline?: number;
  /** ours ÷ baseline. */
  ratio?: number;
  /** `req/s`, `ms`, `MB`, `score`, `count`, `CLS`… */
  unit: string;
  /** The goal in words, e.g. `≥ 0.6× bare` or `≤ 25 ms`. */
  goal?: string;
  /** Whether the goal is met in this run. */
  met?: boolean;
}

/** Scores and counts as whole numbers, CLS with three decimals, other figures with three significant digits or more. */
const figure = (n: number | undefined, unit: string) => {
  if (n === undefined) return '';
  if (!Number.isFinite(n)) return '–';
  const digits = unit === 'CLS' ? 3 : unit === 'score' || unit === 'count' || Math.abs(n) >= 100 || Number.isInteger(n) ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
};

/** The rows as a Markdown table: name, ours, baseline, ratio, unit, goal, met. */
export function rowsTable(rows: readonly Row[]): string {
  const lines = ['| measure | ours | baseline | ours ÷ baseline | unit | goal | met |', '|---|--:|--:|--:|---|---|:-:|'];
  for (const r of rows) {
    const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    const ratio = r.ratio === undefined ? '' : Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : '–';
    lines.push(`| ${r.name} | ${figure(r.ours, r.unit)} | ${figure(r.baseline, r.unit)} | ${ratio} | ${r.unit} | ${r.goal ?? ''} | ${met} |`);
  }
  return lines.join('\n');
}
