/**
 * Forwarding intake requests to the council's case system: a receiver that fails twice gets the same request a
 * third time and accepts it, every attempt with the same Idempotency-Key and a valid signature, waiting longer
 * after each failure; two job runners at once (on PostgreSQL two pools, as two servers) make exactly one POST
 * per attempt; a receiver that does not answer in time counts as a failure; nothing personal reaches the logs.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { AdminIntakeList } from '../../src/contract/intake.ts';
import type { Database } from '../../src/server/db/types.ts';
import { runJobsOnce } from '../../src/server/jobs.ts';
import { retryDelayMs } from '../../src/server/retry.ts';
import { backends, captureLogger, secondPool, startTestServer, type TestServer } from '../support/server.ts';
import { adminHeaders, intakeBody, NEED, startCaseSystem, submitIntake, type CaseSystem } from '../support/intake.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const SECRET = 'case-system-shared-secret-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const delivery = async (db: Database, reference: string) =>
  (await db.query<{ attempts: number; wait_ms: number; delivered_at: Date | null; last_status: number | null; last_error: string | null }>(
    `SELECT d.attempts, (extract(epoch FROM d.next_attempt_at - now()) * 1000)::integer AS wait_ms, d.delivered_at, d.last_status, d.last_error
       FROM intake_webhook_deliveries d JOIN intake_requests r ON r.id = d.request_id WHERE r.reference = $1`, [reference])).rows[0];

const makeDue = (db: Database) => db.query('UPDATE intake_webhook_deliveries SET next_attempt_at = now() WHERE delivered_at IS NULL');

const forwardedState = async (s: TestServer, reference: string) => {
  const { items } = z.parse(AdminIntakeList, await (await s.fetch('/api/admin/intake/requests', { headers: adminHeaders })).json());
  return items.find((r) => r.reference === reference)?.forwarded;
};

for (const backend of backends()) {
  describe(`intake webhook (${backend})`, () => {
    describe('a receiver that fails twice, then accepts', () => {
      let s: TestServer;
      let cases: CaseSystem;
      before(async () => {
        cases = await startCaseSystem({ answers: [500, 503, 200] });
        s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0, intakeWebhookUrl: cases.url, intakeWebhookSecret: SECRET } });
      });
      after(async () => {
        await s.close();
        await cases.close();
      });

      it('gets the same signed request three times, and it is delivered once accepted', async () => {
        const body = intakeBody({
          needs: [NEED.gmi], serviceId: 'not-one-of-ours', renderedAt: undefined, website: '',
          about: { name: 'Ζωή Ιωάννου', ageBand: '45-64', area: 'Μηλιά' },
          contact: { methods: ['email', 'sms'], email: 'zoi.ioannou@example.gr', phone: '+30 697 000 1111', consent: true },
          language: { preferred: 'other', otherLanguage: 'Κουρδικά', interpreter: true },
          facts: { migrant: 'yes', consent: true },
        });
        const reference = await submitIntake(s, body);
        const jobs = captureLogger();
        const log = jobs.log;
        assert.equal(await forwardedState(s, reference), 'pending');

        const run1 = await runJobsOnce({ db: s.db, config: s.config, log });
        assert.deepEqual([run1.forwarded, run1.forwardFailed], [0, 1]);
        const after1 = (await delivery(s.db, reference))!;
        assert.deepEqual([after1.attempts, after1.last_status, after1.last_error], [1, 500, 'HTTP 500']);
        assert.ok(Math.abs(after1.wait_ms - retryDelayMs(1)) < 5000, `waits about a minute, not ${after1.wait_ms} ms`);
        assert.equal(await forwardedState(s, reference), 'failing');
        assert.equal((await runJobsOnce({ db: s.db, config: s.config, log })).forwardFailed, 0, 'not retried before its time');
        assert.equal(cases.received.length, 1);

        await makeDue(s.db);
        await runJobsOnce({ db: s.db, config: s.config, log });
        const after2 = (await delivery(s.db, reference))!;
        assert.deepEqual([after2.attempts, after2.last_status], [2, 503]);
        assert.ok(after2.wait_ms > after1.wait_ms + 30_000, `the second wait is longer (${after1.wait_ms} → ${after2.wait_ms} ms)`);
        assert.equal(retryDelayMs(40), retryDelayMs(20), 'the wait is capped');

        await makeDue(s.db);
        const run3 = await runJobsOnce({ db: s.db, config: s.config, log });
        assert.deepEqual([run3.forwarded, run3.forwardFailed], [1, 0]);
        const after3 = (await delivery(s.db, reference))!;
        assert.equal(after3.attempts, 3);
        assert.ok(after3.delivered_at);
        assert.deepEqual([after3.last_status, after3.last_error], [200, null]);
        assert.equal(await forwardedState(s, reference), 'delivered');

        await makeDue(s.db);
        assert.equal((await runJobsOnce({ db: s.db, config: s.config, log })).forwarded, 0, 'delivered once');
        assert.equal(cases.received.length, 3);

        const keys = new Set(cases.received.map((r) => r.headers['idempotency-key']));
        assert.equal(keys.size, 1, 'the same Idempotency-Key on every attempt');
        assert.match([...keys][0] as string, UUID);
        assert.equal(new Set(cases.received.map((r) => r.body)).size, 1, 'the same document on every attempt');
        for (const r of cases.received) {
          assert.equal(r.method, 'POST');
          assert.equal(r.headers['content-type'], 'application/json');
          const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['kentro-signature']));
          assert.ok(m, `signature header: ${r.headers['kentro-signature']}`);
          assert.ok(Math.abs(Number(m[1]) - r.at / 1000) < 5, 'signed at the time of the attempt');
          assert.equal(m[2], createHmac('sha256', SECRET).update(`${m[1]}.${r.body}`).digest('hex'), 'a valid signature');
          assert.notEqual(m[2], createHmac('sha256', 'another-secret').update(`${m[1]}.${r.body}`).digest('hex'));
        }

        const doc = JSON.parse(cases.received[0]!.body) as Record<string, unknown>;
        assert.deepEqual(doc, {
          reference,
          createdAt: doc.createdAt,
          needs: [{ id: NEED.gmi, name: 'Ελάχιστο Εγγυημένο Εισόδημα (ΚΕΑ)' }],
          description: body.description,
          service: { id: 'not-one-of-ours' },
          about: { anonymous: false, name: 'Ζωή Ιωάννου', ageBand: '45-64', area: 'Μηλιά' },
          contact: { methods: ['email', 'sms'], phone: '+30 697 000 1111', email: 'zoi.ioannou@example.gr', days: [], times: [] },
          language: { preferred: 'other', otherLanguage: 'Κουρδικά', interpreter: true },
          facts: { migrant: 'yes' },
          locale: 'el',
        }, 'the stored request, without the honeypot or the form token');
        assert.match(String(doc.createdAt), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/);

        assert.equal(jobs.lines.filter((l) => l.msg === 'intake forwarding failed').length, 2);
        const logged = JSON.stringify([...s.logs, ...jobs.lines]);
        for (const personal of ['Ζωή', 'zoi.ioannou', '697 000', 'Κουρδικά', 'σπίτι μου']) assert.ok(!logged.includes(personal), `"${personal}" is not logged`);
      });
    });

    describe('two job runners at once', () => {
      let s: TestServer;
      let cases: CaseSystem;
      let other: Database | undefined;
      before(async () => {
        cases = await startCaseSystem({ answers: [500, 500, 500, 500, 500], delayMs: 30 });
        s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0, intakeWebhookUrl: cases.url } });
        other = await secondPool(s.db);
      });
      after(async () => {
        await other?.close();
        await s.close();
        await cases.close();
      });

      it('make exactly one POST per request and attempt', async () => {
        const references = [];
        for (let i = 0; i < 5; i++) references.push(await submitIntake(s, intakeBody({ description: `Αίτημα ${i}` })));
        const both = () => Promise.all([
          runJobsOnce({ db: s.db, config: s.config, log: quiet }),
          runJobsOnce({ db: other ?? s.db, config: s.config, log: quiet }),
        ]);

        const [a1, b1] = await both();
        assert.equal(a1.forwardFailed + b1.forwardFailed, 5);
        assert.equal(cases.received.length, 5, 'one POST per request');
        for (const ref of references) assert.equal((await delivery(s.db, ref))!.attempts, 1);

        await makeDue(s.db);
        const [a2, b2] = await both();
        assert.equal(a2.forwarded + b2.forwarded, 5);
        assert.equal(cases.received.length, 10, 'one more POST per request');
        for (const ref of references) assert.equal((await delivery(s.db, ref))!.attempts, 2);
        assert.equal(new Set(cases.received.map((r) => r.headers['idempotency-key'])).size, 5, 'a key per request, the same on its retry');
        assert.ok(cases.received.every((r) => r.headers['kentro-signature'] === undefined), 'unsigned without a secret');
      });
    });

    describe('a receiver that does not answer in time, and no webhook at all', () => {
      let s: TestServer;
      let cases: CaseSystem;
      let unconfigured: TestServer;
      before(async () => {
        cases = await startCaseSystem({ delayMs: 2000 });
        s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0, intakeWebhookUrl: cases.url, intakeWebhookTimeoutMs: 200 } });
        unconfigured = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0 } });
      });
      after(async () => {
        await s.close();
        await unconfigured.close();
        await cases.close();
      });

      it('counts a timeout as a failed attempt and retries later', async () => {
        const reference = await submitIntake(s, intakeBody());
        const started = Date.now();
        const run = await runJobsOnce({ db: s.db, config: s.config, log: quiet });
        assert.ok(Date.now() - started < 1500, 'gave up after the timeout');
        assert.equal(run.forwardFailed, 1);
        const d = (await delivery(s.db, reference))!;
        assert.deepEqual([d.attempts, d.last_status, d.delivered_at], [1, null, null]);
        assert.match(d.last_error ?? '', /^TimeoutError/);
      });

      it('stores no forwarding without a webhook URL, and says so to staff', async () => {
        const reference = await submitIntake(unconfigured, intakeBody());
        assert.equal(await delivery(unconfigured.db, reference), undefined);
        assert.equal((await runJobsOnce({ db: unconfigured.db, config: unconfigured.config, log: quiet })).forwarded, 0);
        assert.equal(await forwardedState(unconfigured, reference), 'not-configured');
      });
    });
  });
}
