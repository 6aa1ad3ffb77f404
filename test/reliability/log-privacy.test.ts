/**
 * Log privacy: the real server (`src/server/main.ts` as a child process, its jobs running, intake forwarding to a
 * case system that fails) goes through every flow (./flows.ts); then everything it wrote to stdout and
 * stderr is searched for the personal data and the secrets of those flows. Decided: references (`ΚΚ-2026-000001`)
 * are not personal and may be logged; names, emails, phones, free text, manage and guardian tokens, status codes
 * and the staff token must never appear, not even inside a logged path or query string.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../e2e/harness.ts';
import { startCaseSystem, type CaseSystem } from '../support/intake.ts';
import { backends, openTestDatabase, type TestDatabase } from '../support/server.ts';
import { runEveryFlow, type FlowSecrets } from './flows.ts';

const ADMIN_TOKEN = 'log-privacy-staff-token-0123456789';
const WEBHOOK_SECRET = 'log-privacy-webhook-secret-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of backends()) {
  describe(`log privacy (${backend})`, () => {
    let server: RunningServer;
    let caseSystem: CaseSystem;
    let database: TestDatabase | undefined;
    let found: FlowSecrets;
    let output: string;

    before(async () => {
      caseSystem = await startCaseSystem({ answers: [500] });
      if (backend === 'postgres') database = await openTestDatabase('postgres');
      server = await startServer({
        ...(database?.url ? { DATABASE_URL: database.url } : {}),
        KENTRO_LOG_LEVEL: 'debug', KENTRO_ADMIN_TOKEN: ADMIN_TOKEN, KENTRO_MIN_FILL_MS: '0', KENTRO_RATE_LIMIT_PER_MIN: '0',
        KENTRO_JOBS_INTERVAL_MS: '100', KENTRO_INTAKE_WEBHOOK_URL: caseSystem.url, KENTRO_INTAKE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      });
      found = await runEveryFlow(server.url, server.dataDir, ADMIN_TOKEN);
      // Let the jobs try to forward the intake request (the case system fails it, which is logged) and send the mail.
      for (let i = 0; i < 300 && !server.output().includes('"intake forwarding failed"'); i++) await sleep(100);
      await sleep(500);
      await server.stop();
      output = server.output();
    });
    after(async () => {
      await server?.stop();
      await caseSystem?.close();
      await database?.drop();
    });

    it('logged the flows: one line per request with its route pattern, and the jobs\' work', () => {
      const lines = output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      const routesSeen = new Set(lines.filter((l) => l.msg === 'request').map((l) => l.route));
      for (const route of ['/api/intake/requests', '/api/volunteering/signups/:token', '/api/volunteering/guardian/:token', '/api/referrals/:reference/status', '/api/admin/referrals/:reference']) {
        assert.ok(routesSeen.has(route), `a request line for ${route} (${[...routesSeen].join(', ')})`);
      }
      assert.ok(lines.some((l) => l.msg === 'intake forwarding failed'), 'the failed forwarding was logged');
      assert.ok(lines.some((l) => l.msg === 'jobs ran'), 'the jobs were logged');
      assert.equal(caseSystem.received.length, 1, 'the intake request was sent to the case system');
      assert.ok(found.personal.length >= 30 && found.secrets.length >= 7, 'the search covers every flow');
    });

    it('wrote no personal data, token, status code or secret anywhere in its output', () => {
      const leaks = [...found.personal, ...found.secrets, WEBHOOK_SECRET].filter((value) => output.includes(value));
      assert.deepEqual(leaks, [], `found in the server's output:\n${leaks.join('\n')}`);
    });

    it('wrote no query string of any request', () => {
      assert.doesNotMatch(output, /\?(token|code|email|shiftId|format)=/);
    });
  });
}
