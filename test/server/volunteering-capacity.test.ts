/**
 * Places are counted by the database: 400 people signing up at once for a shift of 20 get exactly 20 places and
 * 380 waitlist entries; cancelling promotes exactly one waiting person per freed place (also when several cancel
 * at once), and tells them; one Idempotency-Key sent 50 times at once makes one signup. PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import type { AdminSignupList, SignupCreated, SignupView } from '../../src/contract/volunteering.ts';
import { backends, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.ts';
import { bookingCounts, DAY, insertOpportunity, outbox, postSignup, signupBody } from '../support/volunteering.ts';

const PEOPLE = 400;
const CAPACITY = 20;

const waitlistOf = async (s: TestServer, shiftId: string) => {
  const res = await s.fetch(`/api/admin/volunteering/signups?shiftId=${shiftId}&status=waitlisted&limit=1000`, { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  return ((await res.json()) as AdminSignupList).items;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of backends()) {
  describe(`volunteering places under concurrency (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, config: { jobsIntervalMs: 0 } });
    });
    after(() => s.close());

    describe(`${PEOPLE} people sign up at once for a shift of ${CAPACITY}`, () => {
      let shiftId: string;
      let answers: { body: SignupCreated; email: string }[];

      before(async () => {
        const fixture = await insertOpportunity(s.db, { shifts: [{ startsIn: 5 * DAY, capacity: CAPACITY }] });
        shiftId = fixture.shiftIds[0]!;
        const bodies = Array.from({ length: PEOPLE }, () => signupBody(fixture.opportunityId, [shiftId], { waitlistIfFull: true }));
        answers = await Promise.all(bodies.map(async (body) => {
          const res = await postSignup(s, body);
          assert.equal(res.status, 201, await res.clone().text());
          return { body: (await res.json()) as SignupCreated, email: body.email };
        }));
      });

      it(`gives exactly ${CAPACITY} places and puts ${PEOPLE - CAPACITY} on the waitlist`, async () => {
        assert.equal(answers.filter((a) => a.body.status === 'confirmed').length, CAPACITY);
        assert.equal(answers.filter((a) => a.body.status === 'waitlisted').length, PEOPLE - CAPACITY);
        assert.deepEqual(await bookingCounts(s.db, shiftId), { confirmed: CAPACITY, waitlisted: PEOPLE - CAPACITY, cancelled: 0, filled: CAPACITY });
      });

      it('numbers the waitlist 1…380 without gaps or repeats', async () => {
        const positions = (await waitlistOf(s, shiftId)).map((r) => r.position);
        assert.deepEqual(positions, Array.from({ length: PEOPLE - CAPACITY }, (_, i) => i + 1));
      });

      it('writes one message per person: a confirmation or a waitlist notice', async () => {
        const messages = await outbox(s.db);
        assert.equal(messages.filter((m) => m.kind === 'volunteer.confirmation').length, CAPACITY);
        assert.equal(messages.filter((m) => m.kind === 'volunteer.waitlisted').length, PEOPLE - CAPACITY);
      });

      it('gives a freed place to exactly one person, the first waiting, and tells them', async () => {
        const first = (await waitlistOf(s, shiftId))[0]!;
        const leaving = answers.find((a) => a.body.status === 'confirmed')!;
        const res = await s.fetch(`/api/volunteering/signups/${leaving.body.manageToken}`, { method: 'DELETE' });
        assert.equal(res.status, 200);
        assert.equal(((await res.json()) as SignupView).status, 'cancelled');
        assert.deepEqual(await bookingCounts(s.db, shiftId), { confirmed: CAPACITY, waitlisted: PEOPLE - CAPACITY - 1, cancelled: 1, filled: CAPACITY });
        const promoted = await outbox(s.db, { kind: 'volunteer.promoted' });
        assert.deepEqual(promoted.map((m) => m.to), [first.email]);
        assert.match(promoted[0]!.text, /#kentro-manage=[A-Za-z0-9_-]{43}/);
        const still = await waitlistOf(s, shiftId);
        assert.equal(still[0]!.position, 1, 'the next person moves up to number 1');
        assert.notEqual(still[0]!.reference, first.reference);
      });

      it('changes nothing when the same cancellation is sent again', async () => {
        const leaving = answers.find((a) => a.body.status === 'confirmed')!;
        const again = await s.fetch(`/api/volunteering/signups/${leaving.body.manageToken}`, { method: 'DELETE' });
        assert.equal(again.status, 200);
        assert.deepEqual(await bookingCounts(s.db, shiftId), { confirmed: CAPACITY, waitlisted: PEOPLE - CAPACITY - 1, cancelled: 1, filled: CAPACITY });
        assert.equal((await outbox(s.db, { kind: 'volunteer.promoted' })).length, 1);
      });

      it('promotes exactly five people when five cancel at the same moment', async () => {
        const leaving = answers.filter((a) => a.body.status === 'confirmed').slice(1, 6);
        const statuses = await Promise.all(leaving.map((a) => s.fetch(`/api/volunteering/signups/${a.body.manageToken}`, { method: 'DELETE' }).then((r) => r.status)));
        assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
        assert.deepEqual(await bookingCounts(s.db, shiftId), { confirmed: CAPACITY, waitlisted: PEOPLE - CAPACITY - 6, cancelled: 6, filled: CAPACITY });
        const promoted = await outbox(s.db, { kind: 'volunteer.promoted' });
        assert.equal(new Set(promoted.map((m) => m.to)).size, 6, 'six different people were promoted in all');
      });
    });

    describe('one Idempotency-Key sent 50 times at once', () => {
      it('makes one signup and gives every sender the same answer', async () => {
        const { opportunityId, shiftIds } = await insertOpportunity(s.db, { shifts: [{ startsIn: 6 * DAY, capacity: 5 }] });
        const body = signupBody(opportunityId, shiftIds);
        const key = randomUUID();
        // As the widget's client does: a 409 "still being processed" is retried with the same key.
        const send = async (): Promise<{ status: number; replayed: boolean; text: string }> => {
          for (;;) {
            const res = await postSignup(s, body, key);
            const text = await res.text();
            if (res.status === 409 && (JSON.parse(text) as { type: string }).type === PROBLEM_TYPES.idempotencyConflict) {
              await sleep(20 + Math.random() * 80);
              continue;
            }
            return { status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true', text };
          }
        };
        const results = await Promise.all(Array.from({ length: 50 }, send));
        assert.deepEqual(new Set(results.map((r) => r.status)), new Set([201]));
        assert.equal(new Set(results.map((r) => r.text)).size, 1, 'all 50 answers are identical');
        assert.equal(results.filter((r) => !r.replayed).length, 1, 'one answer was made, 49 replayed');
        const { rows } = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM volunteer_signups WHERE email = $1', [body.email]);
        assert.equal(rows[0]!.n, 1);
        assert.deepEqual(await bookingCounts(s.db, shiftIds[0]!), { confirmed: 1, waitlisted: 0, cancelled: 0, filled: 1 });
        assert.equal((await outbox(s.db, { to: body.email })).length, 1, 'one confirmation');

        const other = await postSignup(s, { ...body, name: 'Άλλο Όνομα' }, key);
        assert.equal(other.status, 422);
        assert.equal(((await other.json()) as { type: string }).type, PROBLEM_TYPES.idempotencyMismatch);
      });
    });
  });
}
