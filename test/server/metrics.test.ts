/**
 * `GET /api/admin/metrics`: Prometheus text for operators, behind the staff token; requests counted by route pattern
 * (never the path: no token or reference in a label), latency, the job backlog, and the pool on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backends, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.ts';

const staff = { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } };

for (const backend of backends()) {
  describe(`metrics (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true });
    });
    after(() => s.close());

    it('is for staff only', async () => {
      assert.equal((await s.fetch('/api/admin/metrics')).status, 401);
    });

    it('counts requests by route pattern and status, with latency, the job backlog and the process', async () => {
      const token = 'Zx9secret-manage-token-that-must-not-be-a-label';
      for (let i = 0; i < 3; i++) assert.equal((await s.fetch('/api/health/live')).status, 200);
      assert.equal((await s.fetch(`/api/volunteering/signups/${token}`)).status, 404);
      const res = await s.fetch('/api/admin/metrics', staff);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const text = await res.text();
      assert.match(text, /^kentro_http_requests_total\{method="GET",route="\/api\/health\/live",status="200"\} 3$/m);
      assert.match(text, /^kentro_http_requests_total\{method="GET",route="\/api\/volunteering\/signups\/:token",status="404"\} 1$/m);
      assert.match(text, /^kentro_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/health\/live"\} \d+$/m);
      assert.match(text, /^kentro_jobs_backlog\{kind="outbox"\} \d+$/m);
      assert.match(text, /^kentro_outbox_oldest_unsent_seconds \d/m);
      assert.match(text, /^kentro_metrics_database_up 1$/m);
      assert.match(text, /^kentro_process_resident_memory_bytes \d+/m);
      assert.ok(!text.includes(token), 'no path, token or reference in a label');
      if (backend === 'postgres') assert.match(text, /^kentro_db_pool_connections\{state="total"\} \d+$/m);
    });
  });
}
