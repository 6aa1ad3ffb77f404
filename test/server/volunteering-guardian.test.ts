/**
 * A minor's signup, end to end through the outbox: the signup waits for the guardian (its places held); the
 * guardian's message (read from the outbox table and from the `.eml` file written without SMTP) carries a link
 * whose token opens the request, which shows no contact details of the minor; "confirm" completes the signup and
 * tells the minor, "decline" frees the places for the waitlist, and a hold nobody answers runs out.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import { GuardianView, SignupView, type SignupRequest } from '../../src/contract/volunteering.ts';
import { runJobsOnce } from '../../src/server/jobs.ts';
import { backends, postJson, startTestServer, type TestServer } from '../support/server.ts';
import { bookingCounts, DAY, emlFiles, HOUR, insertOpportunity, outbox, signupBody, signUp, textPartOf, tokenIn } from '../support/volunteering.ts';

const minor = (opportunityId: string, shiftIds: string[], extra: Partial<SignupRequest> = {}) => signupBody(opportunityId, shiftIds, {
  name: 'Νίκος Αλεξίου', ageBand: '15-17', phone: '697 000 1111', locale: 'el',
  guardian: { name: 'Ευτυχία Αλεξίου', email: `guardian.${Math.random().toString(36).slice(2)}@example.gr`, phone: '697 000 2222', relationship: 'μητέρα' },
  ...extra,
});

for (const backend of backends()) {
  describe(`a minor's signup and their guardian (${backend})`, () => {
    let s: TestServer;
    let dataDir: string;
    const guardianGet = (token: string) => s.fetch(`/api/volunteering/guardian/${token}`);
    const guardianPost = (token: string, decision: string) => s.fetch(`/api/volunteering/guardian/${token}`, postJson({ decision }));
    const view = async (token: string) => z.parse(SignupView, await (await s.fetch(`/api/volunteering/signups/${token}`)).json());

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'kentro-guardian-'));
      s = await startTestServer({ backend, config: { jobsIntervalMs: 0, dataDir, publicUrl: 'https://kentro.example.gov.gr' } });
    });
    after(async () => {
      await s.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    describe('when the guardian agrees', () => {
      let body: SignupRequest;
      let manageToken: string;
      let guardianToken: string;
      let shiftIds: string[];

      before(async () => {
        const fixture = await insertOpportunity(s.db, { minAge: 15, shifts: [{ startsIn: 3 * DAY, capacity: 2 }, { startsIn: 4 * DAY, capacity: 1, filled: 1 }] });
        shiftIds = fixture.shiftIds;
        body = minor(fixture.opportunityId, shiftIds, { waitlistIfFull: true });
        const created = await signUp(s, body);
        assert.equal(created.status, 'awaiting-guardian');
        manageToken = created.manageToken;
      });

      it('holds the free place and waitlists the full shift while the guardian decides', async () => {
        assert.deepEqual(await bookingCounts(s.db, shiftIds[0]!), { confirmed: 1, waitlisted: 0, cancelled: 0, filled: 1 });
        const v = await view(manageToken);
        assert.equal(v.status, 'awaiting-guardian');
        assert.equal(v.guardian, 'pending');
        assert.deepEqual(v.bookings.map((b) => b.status), ['confirmed', 'waitlisted']);
        assert.deepEqual((await outbox(s.db, { to: body.email })).map((m) => m.kind), ['volunteer.awaiting-guardian']);
      });

      it('sends the guardian a message whose link opens the request, in the table and in the .eml file', async () => {
        const [message] = await outbox(s.db, { to: body.guardian!.email });
        assert.equal(message!.kind, 'volunteer.guardian-request');
        assert.ok(message!.text.startsWith('Γεια σας Ευτυχία Αλεξίου,'));
        assert.ok(message!.text.includes('Νίκος'));
        for (const secret of [body.email, '697 000 1111', 'Νίκος Αλεξίου']) assert.ok(!message!.text.includes(secret), `the minor's ${secret} is not in it`);
        guardianToken = tokenIn(message!.text, 'guardian');
        assert.ok(message!.text.includes(`https://kentro.example.gov.gr/#kentro-guardian=${guardianToken}`));

        const report = await runJobsOnce({ db: s.db, config: s.config, log: { debug() {}, info() {}, warn() {}, error() {} } });
        assert.equal(report.failed, 0);
        const files = await emlFiles(dataDir);
        const eml = files.find((f) => f.raw.includes(`To: ${body.guardian!.email}`));
        assert.ok(eml, `a .eml for the guardian among ${files.map((f) => f.name)}`);
        assert.match(eml!.name, /^\d{8}T\d{6}Z-\d+\.eml$/);
        assert.equal(tokenIn(textPartOf(eml!.raw), 'guardian'), guardianToken);
        assert.equal((await outbox(s.db, { to: body.guardian!.email }))[0]!.text, '', 'the body leaves the outbox once delivered');
      });

      it('shows the guardian the request without the minor\'s email or phone', async () => {
        const res = await guardianGet(guardianToken);
        assert.equal(res.status, 200);
        const raw = await res.text();
        const g = z.parse(GuardianView, JSON.parse(raw));
        assert.equal(g.minorFirstName, 'Νίκος');
        assert.equal(g.guardianName, 'Ευτυχία Αλεξίου');
        assert.equal(g.decision, 'pending');
        assert.deepEqual(g.shifts.map((sh) => sh.id), shiftIds);
        for (const secret of [body.email, '697 000 1111', body.guardian!.email, 'Νίκος Αλεξίου']) assert.ok(!raw.includes(secret), `no ${secret}`);
        const asManage = await s.fetch(`/api/volunteering/signups/${guardianToken}`);
        assert.equal(asManage.status, 404, 'the guardian\'s token does not open the volunteer\'s page');
      });

      it('confirms: the signup is confirmed and the minor is told', async () => {
        const res = await guardianPost(guardianToken, 'confirm');
        assert.equal(res.status, 200);
        assert.equal(z.parse(GuardianView, await res.json()).decision, 'confirmed');
        const v = await view(manageToken);
        assert.equal(v.status, 'confirmed');
        assert.equal(v.guardian, 'confirmed');
        const toMinor = await outbox(s.db, { to: body.email });
        assert.deepEqual(toMinor.map((m) => m.kind), ['volunteer.awaiting-guardian', 'volunteer.guardian-confirmed']);
        assert.ok(toMinor[1]!.text.includes('έχετε θέση'));
      });

      it('treats the same answer again as done, and the opposite one as a conflict', async () => {
        assert.equal((await guardianPost(guardianToken, 'confirm')).status, 200);
        const res = await guardianPost(guardianToken, 'decline');
        assert.equal(res.status, 409);
        assert.equal(((await res.json()) as { type: string }).type, PROBLEM_TYPES.conflict);
        assert.equal((await outbox(s.db, { to: body.email })).length, 2, 'no further message');
        assert.equal((await guardianPost(guardianToken, 'maybe')).status, 400);
      });
    });

    describe('when the guardian declines', () => {
      it('cancels the bookings, gives the held place to the first waiting person and tells both', async () => {
        const { opportunityId, shiftIds } = await insertOpportunity(s.db, { minAge: 15, shifts: [{ startsIn: 5 * DAY, capacity: 1 }] });
        const body = minor(opportunityId, shiftIds);
        const created = await signUp(s, body);
        const waiting = signupBody(opportunityId, shiftIds, { waitlistIfFull: true });
        assert.equal((await signUp(s, waiting)).status, 'waitlisted');

        const token = tokenIn((await outbox(s.db, { to: body.guardian!.email }))[0]!.text, 'guardian');
        const res = await guardianPost(token, 'decline');
        assert.equal(res.status, 200);
        assert.equal(z.parse(GuardianView, await res.json()).decision, 'declined');
        assert.deepEqual(await bookingCounts(s.db, shiftIds[0]!), { confirmed: 1, waitlisted: 0, cancelled: 1, filled: 1 });
        const v = await view(created.manageToken);
        assert.equal(v.status, 'cancelled');
        assert.equal(v.guardian, 'declined');
        assert.deepEqual((await outbox(s.db, { to: body.email })).map((m) => m.kind), ['volunteer.awaiting-guardian', 'volunteer.guardian-declined']);
        assert.deepEqual((await outbox(s.db, { to: waiting.email })).map((m) => m.kind), ['volunteer.waitlisted', 'volunteer.promoted']);
        assert.equal((await guardianPost(token, 'confirm')).status, 409);
      });
    });

    describe('when nobody answers in time', () => {
      it('releases the held places after KENTRO_GUARDIAN_HOLD_HOURS, promotes the waitlist, tells the minor and voids the link', async () => {
        const { opportunityId, shiftIds } = await insertOpportunity(s.db, { minAge: 15, shifts: [{ startsIn: 6 * DAY, capacity: 1 }] });
        const body = minor(opportunityId, shiftIds, { locale: 'en' });
        const created = await signUp(s, body);
        const waiting = signupBody(opportunityId, shiftIds, { waitlistIfFull: true });
        await signUp(s, waiting);
        const token = tokenIn((await outbox(s.db, { to: body.guardian!.email }))[0]!.text, 'guardian');
        const quiet = { debug() {}, info() {}, warn() {}, error() {} };

        await s.db.query(`UPDATE volunteer_signups SET created_at = now() - interval '71 hours' WHERE email = $1`, [body.email]);
        assert.equal((await runJobsOnce({ db: s.db, config: s.config, log: quiet })).holdsReleased, 0, 'not yet: 72 hours by default');
        await s.db.query(`UPDATE volunteer_signups SET created_at = now() - interval '73 hours' WHERE email = $1`, [body.email]);
        assert.equal((await runJobsOnce({ db: s.db, config: s.config, log: quiet })).holdsReleased, 1);
        assert.equal((await runJobsOnce({ db: s.db, config: s.config, log: quiet })).holdsReleased, 0, 'once');

        assert.deepEqual(await bookingCounts(s.db, shiftIds[0]!), { confirmed: 1, waitlisted: 0, cancelled: 1, filled: 1 });
        assert.equal((await view(created.manageToken)).status, 'cancelled');
        const kinds = (await outbox(s.db, { to: body.email })).map((m) => m.kind);
        assert.deepEqual(kinds, ['volunteer.awaiting-guardian', 'volunteer.hold-released']);
        assert.deepEqual((await outbox(s.db, { to: waiting.email })).map((m) => m.kind), ['volunteer.waitlisted', 'volunteer.promoted']);
        assert.equal((await guardianGet(token)).status, 404);
        assert.equal((await guardianPost(token, 'confirm')).status, 404);
      });

      it('uses a configured hold time', async () => {
        const short = await startTestServer({ backend, config: { jobsIntervalMs: 0, dataDir, guardianHoldHours: 2 } });
        try {
          const { opportunityId, shiftIds } = await insertOpportunity(short.db, { minAge: 15, shifts: [{ startsIn: 6 * DAY, capacity: 1 }] });
          const body = minor(opportunityId, shiftIds);
          await signUp(short, body);
          await short.db.query(`UPDATE volunteer_signups SET created_at = now() - ($2::integer * interval '1 millisecond') WHERE email = $1`, [body.email, 2 * HOUR + 60_000]);
          const quiet = { debug() {}, info() {}, warn() {}, error() {} };
          assert.equal((await runJobsOnce({ db: short.db, config: short.config, log: quiet })).holdsReleased, 1);
        } finally {
          await short.close();
        }
      });
    });

    it('answers 404 to an unknown guardian token and 400 to a malformed one', async () => {
      assert.equal((await guardianGet('A'.repeat(43))).status, 404);
      assert.equal((await guardianGet('short')).status, 400);
    });
  });
}
