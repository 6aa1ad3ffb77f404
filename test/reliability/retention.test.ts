/**
 * Retention: records made through the real API, then aged in the database. A closed intake request, a referral in a
 * final status and a signup whose shifts are over stay while inside their period (by an hour) and are gone, with
 * their tokens, history, bookings, outbox messages and stored idempotent answers, once outside it (by an hour).
 * Open records are never deleted, however old; 0 days keeps everything; two runs at once (two pools on PostgreSQL)
 * delete each record once and fail nothing. PGlite, and PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReferralStatus } from '../../src/contract/referral.ts';
import type { Database } from '../../src/server/db/types.ts';
import { runJobsOnce } from '../../src/server/jobs.ts';
import type { Mailer } from '../../src/server/mail/transport.ts';
import { deleteExpiredRecords, FINAL_REFERRAL_STATUSES, type RetentionReport } from '../../src/server/retention.ts';
import { adminHeaders, intakeBody, submitIntake } from '../support/intake.ts';
import { checkStatus, patchReferral, referralBody, submitReferral } from '../support/referral.ts';
import { backends, secondPool, startTestServer, type TestServer } from '../support/server.ts';
import { DAY, HOUR, insertOpportunity, signUp, signupBody } from '../support/volunteering.ts';

const RETENTION_DAYS = 365;
const SIGNUP_RETENTION_DAYS = 90;
const TTL_MS = 24 * HOUR;
const settings = { retentionDays: RETENTION_DAYS, signupRetentionDays: SIGNUP_RETENTION_DAYS, idempotencyTtlMs: TTL_MS };

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const noMail: Mailer = { kind: 'files', send: async () => undefined, close() {} };

/** `now() - ms` as SQL sees it, for aging rows. */
const ago = (ms: number) => `now() - (${Math.round(ms)} * interval '1 millisecond')`;

const count = async (db: Database, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

const exists = {
  intake: (db: Database, ref: string) => count(db, 'intake_requests WHERE reference = $1', [ref]).then((n) => n === 1),
  referral: (db: Database, ref: string) => count(db, 'referrals WHERE reference = $1', [ref]).then((n) => n === 1),
  signup: (db: Database, ref: string) => count(db, 'volunteer_signups WHERE reference = $1', [ref]).then((n) => n === 1),
};

/** Everything else that names a record: outbox messages, stored idempotent answers. */
const traces = async (db: Database, ref: string) => ({
  outbox: await count(db, 'mail_outbox WHERE about = $1', [ref]),
  answers: await count(db, 'idempotency_keys WHERE response_body LIKE $1', [`%${ref}%`]),
});

interface Signup { reference: string; token: string; email: string; id: string }

for (const backend of backends()) {
  describe(`retention (${backend})`, () => {
    let s: TestServer;
    let other: Database | undefined;

    // Intake requests.
    const intake = { closedInside: '', closedOutside: '', ancientNew: '', ancientInProgress: '' };
    // Referrals: one of each final status outside the period, one inside, and every open status, ancient.
    const referral = { inside: '', outside: {} as Record<string, { reference: string; code: string }>, open: {} as Record<string, string> };
    // Signups.
    const signup = {} as Record<'inside' | 'outside' | 'cancelledOutside' | 'oneShiftAhead' | 'ancientButAhead' | 'noBookings', Signup>;
    let expiredKeys: string[] = [];
    let freshKey = '';

    const closeIntake = async (reference: string, status: 'closed' | 'in-progress') => {
      const res = await s.fetch(`/api/admin/intake/requests/${encodeURIComponent(reference)}`, {
        method: 'PATCH', headers: { 'Content-Type': 'application/json', ...adminHeaders }, body: JSON.stringify({ status }),
      });
      assert.equal(res.status, 200, await res.clone().text());
    };

    const moveReferral = async (reference: string, path: ReferralStatus[]) => {
      for (const status of path) {
        const res = await patchReferral(s, reference, status === 'rejected' ? { status, note: 'Δεν ανήκει στα προγράμματά μας.' } : { status });
        assert.equal(res.status, 200, await res.clone().text());
      }
    };

    /** Moves a referral's whole life (creation, every status change) `ms` into the past. */
    const ageReferral = async (reference: string, ms: number) => {
      await s.db.query(`UPDATE referrals SET created_at = ${ago(ms + HOUR)}, updated_at = ${ago(ms)} WHERE reference = $1`, [reference]);
      await s.db.query(
        `UPDATE referral_status_history SET at = ${ago(ms)} WHERE referral_id = (SELECT id FROM referrals WHERE reference = $1)`, [reference],
      );
    };

    /** Signs up for shifts starting in 2 days, then moves those shifts to end at the given times (ms ago). */
    const signUpFor = async (endsAgo: number[], options: { cancel?: boolean; madeAgo?: number } = {}): Promise<Signup> => {
      const fixture = await insertOpportunity(s.db, { shifts: endsAgo.map((_, i) => ({ startsIn: 2 * DAY + i * 3 * HOUR, capacity: 5 })) });
      const body = signupBody(fixture.opportunityId, fixture.shiftIds);
      const created = await signUp(s, body);
      if (options.cancel) {
        const res = await s.fetch(`/api/volunteering/signups/${created.manageToken}`, { method: 'DELETE' });
        assert.equal(res.status, 200);
      }
      for (const [i, ms] of endsAgo.entries()) {
        await s.db.query(`UPDATE volunteer_shifts SET starts_at = ${ago(ms + 2 * HOUR)}, ends_at = ${ago(ms)} WHERE id = $1`, [fixture.shiftIds[i]]);
      }
      // Made well before its shifts, as signups are.
      await s.db.query(`UPDATE volunteer_signups SET created_at = ${ago(options.madeAgo ?? 400 * DAY)} WHERE reference = $1`, [created.reference]);
      const { rows } = await s.db.query<{ id: string }>('SELECT id FROM volunteer_signups WHERE reference = $1', [created.reference]);
      return { reference: created.reference, token: created.manageToken, email: body.email, id: rows[0]!.id };
    };

    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0 } });
      other = await secondPool(s.db);

      intake.closedInside = await submitIntake(s, intakeBody());
      intake.closedOutside = await submitIntake(s, intakeBody());
      intake.ancientNew = await submitIntake(s, intakeBody());
      intake.ancientInProgress = await submitIntake(s, intakeBody());
      await closeIntake(intake.closedInside, 'closed');
      await closeIntake(intake.closedOutside, 'closed');
      await closeIntake(intake.ancientInProgress, 'in-progress');
      await s.db.query(`UPDATE intake_requests SET created_at = ${ago(400 * DAY)}, closed_at = ${ago(RETENTION_DAYS * DAY - HOUR)} WHERE reference = $1`, [intake.closedInside]);
      await s.db.query(`UPDATE intake_requests SET created_at = ${ago(400 * DAY)}, closed_at = ${ago(RETENTION_DAYS * DAY + HOUR)} WHERE reference = $1`, [intake.closedOutside]);
      await s.db.query(`UPDATE intake_requests SET created_at = ${ago(3650 * DAY)}, updated_at = ${ago(3650 * DAY)} WHERE reference = ANY($1)`, [[intake.ancientNew, intake.ancientInProgress]]);
      // A forwarding still waiting (an unreachable case system) goes with its request.
      await s.db.query('INSERT INTO intake_webhook_deliveries (request_id) SELECT id FROM intake_requests WHERE reference = ANY($1)', [[intake.closedInside, intake.closedOutside]]);

      const finalPaths: Record<string, ReferralStatus[]> = {
        rejected: ['rejected'], completed: ['accepted', 'in-progress', 'completed'], cancelled: ['on-hold', 'cancelled'],
      };
      assert.deepEqual([...FINAL_REFERRAL_STATUSES].sort(), Object.keys(finalPaths).sort());
      for (const [status, path] of Object.entries(finalPaths)) {
        const created = await submitReferral(s, referralBody());
        await moveReferral(created.reference, path);
        await ageReferral(created.reference, RETENTION_DAYS * DAY + HOUR);
        referral.outside[status] = { reference: created.reference, code: created.statusToken };
      }
      referral.inside = (await submitReferral(s, referralBody())).reference;
      await moveReferral(referral.inside, ['accepted', 'in-progress', 'completed']);
      await ageReferral(referral.inside, RETENTION_DAYS * DAY - HOUR);
      const openPaths: Record<string, ReferralStatus[]> = {
        requested: [], accepted: ['accepted'], 'on-hold': ['on-hold'], 'in-progress': ['accepted', 'in-progress'],
      };
      for (const [status, path] of Object.entries(openPaths)) {
        const { reference } = await submitReferral(s, referralBody());
        await moveReferral(reference, path);
        await ageReferral(reference, 3650 * DAY);
        referral.open[status] = reference;
      }

      signup.inside = await signUpFor([SIGNUP_RETENTION_DAYS * DAY - HOUR]);
      signup.outside = await signUpFor([SIGNUP_RETENTION_DAYS * DAY + HOUR, 200 * DAY]);
      signup.cancelledOutside = await signUpFor([SIGNUP_RETENTION_DAYS * DAY + HOUR], { cancel: true });
      signup.oneShiftAhead = await signUpFor([200 * DAY, -10 * DAY]);
      // Made ten years ago for a shift still ahead (a cancelled one: it still counts).
      signup.ancientButAhead = await signUpFor([-3 * DAY], { madeAgo: 3650 * DAY, cancel: true });
      // A signup whose shifts the centre deleted: counted from when it was made.
      signup.noBookings = await signUpFor([200 * DAY]);
      await s.db.query('DELETE FROM volunteer_bookings WHERE signup_id = $1', [signup.noBookings.id]);

      // Idempotency keys: one 25 hours old (expired), one 23 hours old (kept), neither naming any record.
      expiredKeys = ['00000000-0000-4000-8000-000000000001'];
      freshKey = '00000000-0000-4000-8000-000000000002';
      for (const [key, age] of [[expiredKeys[0]!, TTL_MS + HOUR], [freshKey, TTL_MS - HOUR]] as const) {
        await s.db.query(
          `INSERT INTO idempotency_keys (key, scope, request_hash, state, lease, response_status, response_body, created_at)
           VALUES ($1, 'POST /test', 'h', 'done', gen_random_uuid(), 201, '{}', ${ago(age)})`, [key],
        );
      }
    });

    after(async () => {
      await other?.close();
      await s.close();
    });

    it('deletes nothing when both periods are 0 (kept for ever)', async () => {
      const report = await deleteExpiredRecords(s.db, { retentionDays: 0, signupRetentionDays: 0, idempotencyTtlMs: 10 * 365 * DAY });
      assert.deepEqual(report, { intakeRequests: 0, referrals: 0, signups: 0, idempotencyKeys: 0 });
      assert.ok(await exists.intake(s.db, intake.closedOutside));
      assert.ok(await exists.referral(s.db, referral.outside.rejected!.reference));
      assert.ok(await exists.signup(s.db, signup.outside.reference));
    });

    it('holds traces of the records before the job runs (so the checks below can fail)', async () => {
      for (const ref of [referral.outside.completed!.reference, signup.outside.reference, signup.cancelledOutside.reference]) {
        const t = await traces(s.db, ref);
        assert.ok(t.outbox > 0, `${ref} has messages`);
        assert.ok(t.answers > 0, `${ref} has a stored answer`);
      }
      assert.equal((await checkStatus(s, referral.outside.cancelled!.reference, `Bearer ${referral.outside.cancelled!.code}`)).status, 200);
      assert.equal((await s.fetch(`/api/volunteering/signups/${signup.outside.token}`)).status, 200);
    });

    let reports: RetentionReport[] = [];
    it('runs twice at once without failing and deletes each record once', async () => {
      reports = await Promise.all([deleteExpiredRecords(s.db, settings), deleteExpiredRecords(other ?? s.db, settings)]);
      const sum = (k: keyof RetentionReport) => reports.reduce((n, r) => n + r[k], 0);
      const deleted = { intakeRequests: sum('intakeRequests'), referrals: sum('referrals'), signups: sum('signups'), idempotencyKeys: sum('idempotencyKeys') };
      console.log(`retention (${backend}): deleted ${JSON.stringify(deleted)} in two concurrent runs`);
      assert.deepEqual(deleted, { intakeRequests: 1, referrals: 3, signups: 3, idempotencyKeys: 1 });
    });

    it('keeps a closed intake request until its period ends, then deletes it and its forwarding', async () => {
      assert.ok(await exists.intake(s.db, intake.closedInside), 'closed 364 days 23 hours ago: kept');
      assert.equal(await exists.intake(s.db, intake.closedOutside), false, 'closed 365 days 1 hour ago: deleted');
      assert.equal(await count(s.db, 'intake_webhook_deliveries'), 1, 'only the kept request\'s forwarding is left');
    });

    it('never deletes an open intake request, however old', async () => {
      assert.ok(await exists.intake(s.db, intake.ancientNew));
      assert.ok(await exists.intake(s.db, intake.ancientInProgress));
    });

    it('deletes referrals in every final status after the period, with history, messages and stored answers', async () => {
      for (const [status, { reference, code }] of Object.entries(referral.outside)) {
        assert.equal(await exists.referral(s.db, reference), false, status);
        assert.deepEqual(await traces(s.db, reference), { outbox: 0, answers: 0 }, status);
        assert.equal((await checkStatus(s, reference, `Bearer ${code}`)).status, 404, `${status}: its status code opens nothing`);
      }
      assert.equal(await count(s.db, 'referral_status_history h WHERE NOT EXISTS (SELECT 1 FROM referrals r WHERE r.id = h.referral_id)'), 0);
      assert.ok(await exists.referral(s.db, referral.inside), 'completed 364 days 23 hours ago: kept');
      assert.ok((await traces(s.db, referral.inside)).outbox > 0, 'with its messages');
    });

    it('never deletes an open referral, however old', async () => {
      for (const [status, reference] of Object.entries(referral.open)) assert.ok(await exists.referral(s.db, reference), status);
    });

    it('deletes a signup whose shifts all ended more than 90 days ago (cancelled too), with tokens, bookings and messages', async () => {
      for (const gone of [signup.outside, signup.cancelledOutside, signup.noBookings]) {
        assert.equal(await exists.signup(s.db, gone.reference), false, gone.reference);
        assert.deepEqual(await traces(s.db, gone.reference), { outbox: 0, answers: 0 });
        assert.equal(await count(s.db, 'mail_outbox WHERE lower(to_address) = lower($1)', [gone.email]), 0);
        assert.equal(await count(s.db, 'volunteer_signup_tokens WHERE signup_id = $1', [gone.id]), 0);
        assert.equal(await count(s.db, 'volunteer_bookings WHERE signup_id = $1', [gone.id]), 0);
        assert.equal((await s.fetch(`/api/volunteering/signups/${gone.token}`)).status, 404);
      }
    });

    it('keeps a signup inside the period, or with a shift still ahead, however old', async () => {
      for (const kept of [signup.inside, signup.oneShiftAhead, signup.ancientButAhead]) {
        assert.ok(await exists.signup(s.db, kept.reference), kept.reference);
        assert.equal((await s.fetch(`/api/volunteering/signups/${kept.token}`)).status, 200);
      }
    });

    it('purges idempotency keys older than 24 hours and keeps younger ones', async () => {
      assert.equal(await count(s.db, 'idempotency_keys WHERE key = ANY($1::uuid[])', [expiredKeys]), 0);
      assert.equal(await count(s.db, 'idempotency_keys WHERE key = $1', [freshKey]), 1);
    });

    it('runs as one of the background jobs, and finds nothing more the next time', async () => {
      const ref = await submitIntake(s, intakeBody());
      await closeIntake(ref, 'closed');
      await s.db.query(`UPDATE intake_requests SET closed_at = ${ago(RETENTION_DAYS * DAY + HOUR)} WHERE reference = $1`, [ref]);
      const first = await runJobsOnce({ db: s.db, config: { ...s.config, ...settings }, log: quiet, mailer: noMail });
      assert.equal(first.expired, 1);
      assert.equal(await exists.intake(s.db, ref), false);
      const again = await runJobsOnce({ db: s.db, config: { ...s.config, ...settings }, log: quiet, mailer: noMail });
      assert.equal(again.expired, 0);
      assert.equal(again.keysExpired, 0);
    });
  });
}
