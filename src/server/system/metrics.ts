/**
 * Prometheus metrics of one server process (`GET /api/admin/metrics`, the text exposition format, prom-client):
 * requests by route pattern, method and status with a latency histogram, database pool use, and what the
 * background jobs have yet to do (messages waiting in the outbox and the age of the oldest, intake requests waiting
 * to be forwarded), besides Node's own process metrics. Scrape each process: counters are per process. Routes are
 * patterns (`/api/volunteering/signups/:token`), never paths, so no token or reference becomes a label.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/types.ts';

export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly latency: Histogram<'method' | 'route'>;

  constructor(db: Database) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'kentro_' });
    this.requests = new Counter({
      name: 'kentro_http_requests_total', help: 'HTTP requests answered, by route pattern, method and status.',
      labelNames: ['method', 'route', 'status'], registers,
    });
    this.latency = new Histogram({
      name: 'kentro_http_request_duration_seconds', help: 'Time to answer an HTTP request, by route pattern and method.',
      labelNames: ['method', 'route'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers,
    });
    new Gauge({
      name: 'kentro_db_pool_connections', help: 'Database connections of this process: total, idle, and requests waiting for one.',
      labelNames: ['state'], registers,
      collect() {
        const stats = db.poolStats?.();
        if (!stats) return;
        for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
      },
    });
    // One query for the job gauges per scrape (each gauge's collect awaits the same one); a database that does not
    // answer leaves the last values and reports itself down.
    let reading: Promise<{ outbox: number; age: number; forwarding: number } | undefined> | undefined;
    const read = () => (reading ??= db.query<{ outbox: number; age: number; forwarding: number }>(
      `SELECT (SELECT count(*)::int FROM mail_outbox WHERE sent_at IS NULL) AS outbox,
              (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM mail_outbox WHERE sent_at IS NULL) AS age,
              (SELECT count(*)::int FROM intake_webhook_deliveries WHERE delivered_at IS NULL) AS forwarding`,
    ).then((r) => r.rows[0], () => undefined).finally(() => setTimeout(() => { reading = undefined; }, 1000).unref()));
    new Gauge({
      name: 'kentro_jobs_backlog', help: 'Work the background jobs have yet to do, by kind.', labelNames: ['kind'], registers,
      async collect() {
        const r = await read();
        if (!r) return;
        this.set({ kind: 'outbox' }, r.outbox);
        this.set({ kind: 'intake-forwarding' }, r.forwarding);
      },
    });
    new Gauge({
      name: 'kentro_outbox_oldest_unsent_seconds', help: 'Age of the oldest message not sent yet (0 when none).', registers,
      async collect() {
        const r = await read();
        if (r) this.set(r.age);
      },
    });
    new Gauge({
      name: 'kentro_metrics_database_up', help: 'Whether this scrape could read the job backlog from the database.', registers,
      async collect() {
        this.set((await read()) ? 1 : 0);
      },
    });
  }

  /** Counts one answered request. */
  observe(method: string, route: string, status: number, seconds: number) {
    this.requests.inc({ method, route, status: String(status) });
    this.latency.observe({ method, route }, seconds);
  }
}
