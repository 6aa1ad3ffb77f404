/** The server bench's figures as rows of the combined `npm run bench` table (goals on PostgreSQL only, never asserted). */
import type { Row } from '../support/row.ts';
import { DB_LABEL, type ServerReport } from './measure.ts';

/** ours ÷ bare req/s on PostgreSQL. */
export const RATIO_GOAL = 0.6;
/** p99 latency on PostgreSQL, ms. */
export const P99_GOAL_MS = 25;

export function toRows(report: ServerReport): Row[] {
  const rows: Row[] = [];
  const row = (r: Omit<Row, 'section'>) => rows.push({ section: 'server', ...r });
  for (const db of report.databases) {
    const label = DB_LABEL[db.kind];
    if (db.skipped) {
      row({ name: `${label} · ${db.skipped}`, ours: NaN, unit: '' });
      continue;
    }
    const goals = db.kind === 'postgres';
    for (const { endpoint, ours, bare } of db.endpoints) {
      const name = `${label} · ${endpoint.label}`;
      const ratio = ours.load.rps / bare.load.rps;
      row({
        name: `${name} · req/s`, ours: ours.load.rps, baseline: bare.load.rps, ratio, unit: 'req/s',
        ...(goals ? { goal: `≥ ${RATIO_GOAL}× bare`, met: ratio >= RATIO_GOAL } : {}),
      });
      row({ name: `${name} · p50`, ours: ours.load.p50, baseline: bare.load.p50, ratio: ours.load.p50 / bare.load.p50, unit: 'ms' });
      row({
        name: `${name} · p99`, ours: ours.load.p99, baseline: bare.load.p99, ratio: ours.load.p99 / bare.load.p99, unit: 'ms',
        ...(goals ? { goal: `≤ ${P99_GOAL_MS} ms`, met: ours.load.p99 <= P99_GOAL_MS } : {}),
      });
      const failed = ours.load.non2xx + ours.load.errors;
      row({ name: `${name} · non-2xx`, ours: failed, baseline: bare.load.non2xx + bare.load.errors, unit: 'count', goal: '0', met: failed === 0 });
    }
    const peak = (side: 'ours' | 'bare') => Math.max(...db.endpoints.map((e) => e[side].peakMb));
    row({ name: `${label} · peak RSS under load`, ours: peak('ours'), baseline: peak('bare'), ratio: peak('ours') / peak('bare'), unit: 'MB' });
  }
  return rows;
}
