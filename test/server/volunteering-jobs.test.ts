/**
 * The background jobs, as several servers would run them: two runs at once (on PostgreSQL through two separate
 * pools) queue exactly one reminder per booking and deliver each message once; delivery to a mail server that is
 * down keeps the message, counts attempts and waits longer each time; a real SMTP server receives each message
 * once, with its calendar attachment.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../../src/server/db/types.ts';
import { runJobsOnce } from '../../src/server/jobs.ts';
import { retryDelayMs } from '../../src/server/retry.ts';
import type { Mailer, OutgoingMail } from '../../src/server/mail/transport.ts';
import { backends, secondPool, startTestServer, type TestServer } from '../support/server.ts';
import { DAY, HOUR, insertOpportunity, outbox, signupBody, signUp } from '../support/volunteering.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** A mailer that records what it was given and takes a moment, so two runs really overlap. */
function recordingMailer(): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    kind: 'files', sent,
    send: async (mail) => {
      await new Promise((r) => setTimeout(r, 2));
      sent.push(mail);
    },
    close() {},
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

const outboxRow = async (db: Database, id: number) =>
  (await db.query<{ attempts: number; wait_ms: number; sent_at: Date | null; last_error: string | null; text_body: string }>(
    `SELECT attempts, (extract(epoch FROM next_attempt_at - now()) * 1000)::integer AS wait_ms, sent_at, last_error, text_body
       FROM mail_outbox WHERE id = $1`, [id])).rows[0]!;

for (const backend of backends()) {
  describe(`volunteering jobs (${backend})`, () => {
    describe('24-hour reminders, two runs at once', () => {
      let s: TestServer;
      let other: Database | undefined;
      before(async () => {
        s = await startTestServer({ backend, config: { jobsIntervalMs: 0 } });
        other = await secondPool(s.db);
      });
      after(async () => {
        await other?.close();
        await s.close();
      });

      it('queue exactly one reminder per held place and deliver every message once', async () => {
        const soon = await insertOpportunity(s.db, { minAge: 15, shifts: [{ startsIn: 20 * HOUR, capacity: 30 }] });
        const later = await insertOpportunity(s.db, { shifts: [{ startsIn: 3 * DAY, capacity: 5 }] });
        const people = Array.from({ length: 30 }, () => signupBody(soon.opportunityId, soon.shiftIds));
        for (const p of people) await signUp(s, p);
        // They signed up days ago; the booking confirmed within the last 24 hours already knows, so it gets none.
        await s.db.query(`UPDATE volunteer_bookings SET confirmed_at = now() - interval '2 days' WHERE shift_id = $1`, [soon.shiftIds[0]]);
        const recent = signupBody(soon.opportunityId, soon.shiftIds, { waitlistIfFull: true });
        await signUp(s, recent);
        const minor = signupBody(later.opportunityId, later.shiftIds);
        await signUp(s, minor);

        const first = recordingMailer();
        const second = recordingMailer();
        const [a, b] = await Promise.all([
          runJobsOnce({ db: s.db, config: s.config, log: quiet, mailer: first }),
          runJobsOnce({ db: other ?? s.db, config: s.config, log: quiet, mailer: second }),
        ]);
        assert.equal(a.reminders + b.reminders, 30);
        const reminders = await outbox(s.db, { kind: 'volunteer.reminder' });
        assert.equal(reminders.length, 30);
        assert.deepEqual(new Set(reminders.map((m) => m.to)), new Set(people.map((p) => p.email)));
        assert.ok(!reminders.some((m) => m.to === recent.email || m.to === minor.email));

        const sentIds = [...first.sent, ...second.sent].map((m) => m.id);
        assert.equal(new Set(sentIds).size, sentIds.length, 'no message delivered twice');
        assert.equal(sentIds.length, (await outbox(s.db)).length, 'every message delivered');

        const again = await runJobsOnce({ db: s.db, config: s.config, log: quiet, mailer: recordingMailer() });
        assert.deepEqual(again, { holdsReleased: 0, reminders: 0, sent: 0, failed: 0, forwarded: 0, forwardFailed: 0, expired: 0, keysExpired: 0, windowsExpired: 0 });
      });

      it('leave a minor whose guardian has not agreed without a reminder', async () => {
        const teen = await insertOpportunity(s.db, { minAge: 15, shifts: [{ startsIn: 10 * HOUR, capacity: 3 }] });
        const body = signupBody(teen.opportunityId, teen.shiftIds, { ageBand: '15-17', guardian: { name: 'Γονέας Ένα', email: 'parent@example.gr' } });
        await signUp(s, body);
        await s.db.query(`UPDATE volunteer_bookings SET confirmed_at = now() - interval '2 days' WHERE shift_id = $1`, [teen.shiftIds[0]]);
        assert.equal((await runJobsOnce({ db: s.db, config: s.config, log: quiet, mailer: recordingMailer() })).reminders, 0);
        await s.db.query(`UPDATE volunteer_signups SET guardian_status = 'confirmed', guardian_decided_at = now() WHERE email = $1`, [body.email]);
        assert.equal((await runJobsOnce({ db: s.db, config: s.config, log: quiet, mailer: recordingMailer() })).reminders, 1);
      });
    });

    describe('delivery to a mail server that is down', () => {
      let s: TestServer;
      before(async () => {
        s = await startTestServer({ backend, config: { jobsIntervalMs: 0, smtpUrl: `smtp://127.0.0.1:${await closedPort()}` } });
      });
      after(() => s.close());

      it('keeps the message, counts attempts and waits longer each time', async () => {
        const fixture = await insertOpportunity(s.db, { shifts: [{ startsIn: 3 * DAY, capacity: 2 }] });
        const body = signupBody(fixture.opportunityId, fixture.shiftIds);
        await signUp(s, body);
        const [message] = await outbox(s.db, { to: body.email });

        const run1 = await runJobsOnce({ db: s.db, config: s.config, log: quiet });
        assert.deepEqual([run1.sent, run1.failed], [0, 1]);
        const after1 = await outboxRow(s.db, message!.id);
        assert.equal(after1.attempts, 1);
        assert.match(after1.last_error ?? '', /ECONNREFUSED|connect/i);
        assert.ok(Math.abs(after1.wait_ms - retryDelayMs(1)) < 5000, `waits about a minute, not ${after1.wait_ms} ms`);
        assert.equal((await runJobsOnce({ db: s.db, config: s.config, log: quiet })).failed, 0, 'not retried before its time');

        await s.db.query('UPDATE mail_outbox SET next_attempt_at = now() WHERE id = $1', [message!.id]);
        await runJobsOnce({ db: s.db, config: s.config, log: quiet });
        const after2 = await outboxRow(s.db, message!.id);
        assert.equal(after2.attempts, 2);
        assert.ok(after2.wait_ms > after1.wait_ms + 30_000, 'the second wait is longer');
        assert.equal(after2.sent_at, null);
        assert.ok(after2.text_body.includes(body.name.split(' ')[0]!), 'nothing lost');
        assert.equal(retryDelayMs(40), retryDelayMs(20), 'the wait is capped');
      });
    });

    describe('delivery through a real SMTP server', () => {
      let s: TestServer;
      let smtp: SMTPServer;
      const received: { to: string[]; raw: string }[] = [];
      /** Messages being received at this moment, and the most seen at once. */
      const inFlight = { now: 0, most: 0, sessions: new Set<string>() };
      before(async () => {
        smtp = new SMTPServer({
          authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
          onData(stream, session, callback) {
            inFlight.now++;
            inFlight.most = Math.max(inFlight.most, inFlight.now);
            inFlight.sessions.add(session.id);
            const chunks: Buffer[] = [];
            stream.on('data', (c: Buffer) => chunks.push(c));
            stream.on('end', () => {
              received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
              // Answer a moment later, as a real server does, so messages sent in parallel overlap here.
              setTimeout(() => {
                inFlight.now--;
                callback();
              }, 20);
            });
          },
        });
        smtp.listen(0, '127.0.0.1');
        await once(smtp.server, 'listening');
        const { port } = smtp.server.address() as AddressInfo;
        s = await startTestServer({ backend, config: { jobsIntervalMs: 0, smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Κέντρο Κοινότητας <kentro@aigeiros.gov.gr>' } });
      });
      after(async () => {
        await s.close();
        await new Promise<void>((r) => smtp.close(() => r()));
      });

      it('hands each message over once, with its calendar attachment, and empties it from the outbox', async () => {
        const fixture = await insertOpportunity(s.db, { shifts: [{ startsIn: 3 * DAY, capacity: 2 }] });
        const people = Array.from({ length: 6 }, () => signupBody(fixture.opportunityId, fixture.shiftIds, { waitlistIfFull: true }));
        for (const p of people) await signUp(s, p);
        const [a, b] = await Promise.all([runJobsOnce({ db: s.db, config: s.config, log: quiet }), runJobsOnce({ db: s.db, config: s.config, log: quiet })]);
        assert.equal(a.sent + b.sent, 6);
        assert.equal(a.failed + b.failed, 0);
        assert.equal(received.length, 6);
        assert.deepEqual(new Set(received.flatMap((r) => r.to)), new Set(people.map((p) => p.email)));
        const confirmation = received.find((r) => r.to[0] === people[0]!.email)!;
        assert.match(confirmation.raw, /^From: =\?UTF-8\?B\?[^\r\n]+(\r\n [^\r\n]+)* <kentro@aigeiros\.gov\.gr>\r\nTo: /m);
        assert.match(confirmation.raw, /^Message-ID: <kentro-outbox-\d+@aigeiros\.gov\.gr>/m);
        assert.match(confirmation.raw, /Content-Type: text\/calendar; charset=utf-8/);
        assert.match(confirmation.raw, /Content-Type: text\/html/);
        const sent = await outbox(s.db);
        assert.ok(sent.every((m) => m.sentAt !== null && m.text === '' && m.attempts === 1));
        assert.equal((await runJobsOnce({ db: s.db, config: s.config, log: quiet })).sent, 0);
        assert.equal(received.length, 6, 'nothing sent twice');
      });

      it('sends a batch several messages at a time over a few pooled connections', async () => {
        const fixture = await insertOpportunity(s.db, { shifts: [{ startsIn: 3 * DAY, capacity: 40 }] });
        for (let i = 0; i < 24; i++) await signUp(s, signupBody(fixture.opportunityId, fixture.shiftIds));
        const before = received.length;
        Object.assign(inFlight, { most: 0, sessions: new Set<string>() });
        const report = await runJobsOnce({ db: s.db, config: { ...s.config, mailConcurrency: 4 }, log: quiet });
        assert.equal(report.sent, 24);
        assert.equal(received.length - before, 24);
        assert.ok(inFlight.most > 1 && inFlight.most <= 4, `at most 4 at once, and more than one: ${inFlight.most}`);
        assert.ok(inFlight.sessions.size <= 4, `connections reused: ${inFlight.sessions.size} for 24 messages`);
      });
    });
  });
}
