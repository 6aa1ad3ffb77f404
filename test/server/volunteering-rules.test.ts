/**
 * What a signup must satisfy, answered as problems with field paths the widget shows under each field: a full shift
 * (without the waitlist), overlapping or repeated shifts, shifts that cannot be booked, ages, a minor without a
 * guardian, malformed bodies. Nothing is stored when a signup is refused. Also the opportunity listing and its
 * filters, and where the links in messages lead. PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PROBLEM_TYPES, type Problem } from '../../src/contract/common.ts';
import { VolunteerOpportunity, VolunteerOpportunityList } from '../../src/contract/volunteering.ts';
import * as z from 'zod/mini';
import { localToday } from '../../src/server/seed/dates.ts';
import { seedId } from '../../src/server/seed/ids.ts';
import { backends, postJson, startTestServer, type TestServer } from '../support/server.ts';
import { bookingCounts, DAY, HOUR, insertOpportunity, outbox, postSignup, signupBody, signUp, tokenIn } from '../support/volunteering.ts';

const PAGE_ORIGIN = 'https://www.aigeiros.gov.gr';
const PUBLIC_URL = 'https://kentro.aigeiros.gov.gr';

async function problemOf(res: Response) {
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  return (await res.json()) as Problem;
}

const errorsOf = (p: Problem) => (p.errors ?? []).map((e) => [e.path.join('.'), e.code]);

const storedFor = async (s: TestServer, email: string) =>
  (await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM volunteer_signups WHERE lower(email) = lower($1)', [email])).rows[0]!.n;

for (const backend of backends()) {
  describe(`volunteering signup rules (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0, allowedOrigins: [PAGE_ORIGIN], publicUrl: PUBLIC_URL } });
    });
    after(() => s.close());

    describe('a full shift', () => {
      it('is refused with shiftFull at its index, storing nothing, and the answer is kept for the key', async () => {
        const { opportunityId, shiftIds } = await insertOpportunity(s.db, { shifts: [{ startsIn: 2 * DAY, capacity: 3 }, { startsIn: 3 * DAY, capacity: 2, filled: 2 }] });
        const body = signupBody(opportunityId, shiftIds);
        const key = randomUUID();
        const res = await postSignup(s, body, key);
        assert.equal(res.status, 409);
        const p = await problemOf(res);
        assert.equal(p.type, PROBLEM_TYPES.conflict);
        assert.deepEqual(errorsOf(p), [['shiftIds.1', 'shiftFull']]);
        assert.equal(await storedFor(s, body.email), 0);
        assert.deepEqual(await bookingCounts(s.db, shiftIds[0]!), { confirmed: 0, waitlisted: 0, cancelled: 0, filled: 0 }, 'the free shift\'s place was given back');
        assert.equal((await outbox(s.db, { to: body.email })).length, 0);
        const again = await postSignup(s, body, key);
        assert.equal(again.status, 409);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');

        const waiting = await signUp(s, { ...body, waitlistIfFull: true });
        assert.equal(waiting.status, 'confirmed', 'one shift holds a place');
        assert.deepEqual(waiting.bookings.map((b) => [b.shiftId, b.status, b.position]), [[shiftIds[0], 'confirmed', undefined], [shiftIds[1], 'waitlisted', 1]]);
      });

      it('leaves a signup only on the waitlist "waitlisted", with a waitlist notice', async () => {
        const { opportunityId, shiftIds } = await insertOpportunity(s.db, { shifts: [{ startsIn: 2 * DAY, capacity: 1, filled: 1 }] });
        const body = signupBody(opportunityId, shiftIds, { waitlistIfFull: true });
        const created = await signUp(s, body);
        assert.equal(created.status, 'waitlisted');
        assert.deepEqual((await outbox(s.db, { to: body.email })).map((m) => m.kind), ['volunteer.waitlisted']);
      });
    });

    describe('one person, one place at a time', () => {
      let opportunityId: string;
      let shiftIds: string[];
      let email: string;
      before(async () => {
        ({ opportunityId, shiftIds } = await insertOpportunity(s.db, {
          shifts: [
            { startsIn: 4 * DAY, capacity: 5 }, // 0: held below
            { startsIn: 4 * DAY + HOUR, capacity: 5 }, // 1: overlaps 0
            { startsIn: 4 * DAY + 2 * HOUR, capacity: 5 }, // 2: starts when 0 ends
            { startsIn: 6 * DAY, capacity: 5 }, // 3
            { startsIn: 6 * DAY + 30 * 60_000, capacity: 5 }, // 4: overlaps 3
          ],
        }));
        const body = signupBody(opportunityId, [shiftIds[0]!]);
        email = body.email;
        await signUp(s, body);
      });

      it('refuses the same shift again (alreadySignedUp), even with the address in capitals', async () => {
        const res = await postSignup(s, signupBody(opportunityId, [shiftIds[3]!, shiftIds[0]!], { email: email.toUpperCase() }));
        assert.equal(res.status, 409);
        assert.deepEqual(errorsOf(await problemOf(res)), [['shiftIds.1', 'alreadySignedUp']]);
      });

      it('refuses a shift overlapping one already held (overlap), and accepts one that starts as it ends', async () => {
        const res = await postSignup(s, signupBody(opportunityId, [shiftIds[1]!], { email }));
        assert.equal(res.status, 409);
        assert.deepEqual(errorsOf(await problemOf(res)), [['shiftIds.0', 'overlap']]);
        const ok = await signUp(s, signupBody(opportunityId, [shiftIds[2]!], { email }));
        assert.equal(ok.status, 'confirmed');
      });

      it('refuses two overlapping shifts in one request, at the second', async () => {
        const body = signupBody(opportunityId, [shiftIds[3]!, shiftIds[4]!]);
        const res = await postSignup(s, body);
        assert.equal(res.status, 409);
        assert.deepEqual(errorsOf(await problemOf(res)), [['shiftIds.1', 'overlap']]);
        assert.equal(await storedFor(s, body.email), 0);
      });

      it('lets the person book the slot again after cancelling it', async () => {
        const body = signupBody(opportunityId, [shiftIds[3]!]);
        const first = await signUp(s, body);
        assert.equal((await s.fetch(`/api/volunteering/signups/${first.manageToken}`, { method: 'DELETE' })).status, 200);
        const again = await signUp(s, { ...body, shiftIds: [shiftIds[4]!] });
        assert.equal(again.status, 'confirmed');
      });
    });

    describe('shifts that cannot be booked', () => {
      it('answers shiftUnavailable for a started shift, another opportunity\'s shift and a repeated one', async () => {
        const a = await insertOpportunity(s.db, { shifts: [{ startsIn: 3 * DAY, capacity: 5 }, { startsIn: -HOUR, capacity: 5 }] });
        const b = await insertOpportunity(s.db, { shifts: [{ startsIn: 8 * DAY, capacity: 5 }] });
        const body = signupBody(a.opportunityId, [a.shiftIds[0]!, a.shiftIds[1]!, b.shiftIds[0]!, a.shiftIds[0]!, randomUUID()]);
        const res = await postSignup(s, body);
        assert.equal(res.status, 409);
        assert.deepEqual(errorsOf(await problemOf(res)), [['shiftIds.1', 'shiftUnavailable'], ['shiftIds.2', 'shiftUnavailable'], ['shiftIds.3', 'shiftUnavailable'], ['shiftIds.4', 'shiftUnavailable']]);
        assert.equal(await storedFor(s, body.email), 0);
      });

      it('refuses a closed opportunity', async () => {
        const closed = await insertOpportunity(s.db, { status: 'closed', shifts: [{ startsIn: 3 * DAY, capacity: 5 }] });
        const res = await postSignup(s, signupBody(closed.opportunityId, closed.shiftIds));
        assert.equal(res.status, 409);
        assert.deepEqual(errorsOf(await problemOf(res)), [['opportunityId', 'invalid']]);
      });
    });

    describe('ages and guardians', () => {
      let adults: { opportunityId: string; shiftIds: string[] };
      let teens: { opportunityId: string; shiftIds: string[] };
      before(async () => {
        adults = await insertOpportunity(s.db, { minAge: 18, shifts: [{ startsIn: 3 * DAY, capacity: 5 }] });
        teens = await insertOpportunity(s.db, { minAge: 15, shifts: [{ startsIn: 3 * DAY, capacity: 5 }] });
      });

      const expect400 = async (body: unknown, errors: [string, string][], params?: Record<string, unknown>) => {
        const res = await postSignup(s, body);
        assert.equal(res.status, 400);
        const p = await problemOf(res);
        assert.equal(p.type, PROBLEM_TYPES.validation);
        assert.deepEqual(errorsOf(p), errors);
        if (params) assert.deepEqual(p.errors![0]!.params, params);
        assert.ok(p.errors!.every((e) => e.message.length > 0));
        assert.equal(await storedFor(s, (body as { email: string }).email), 0);
      };

      it('refuses under 15 (underConsentAge), whatever the role', async () => {
        await expect400(signupBody(teens.opportunityId, teens.shiftIds, { ageBand: 'under-15' }), [['ageBand', 'underConsentAge']]);
      });

      it('refuses an age band below the role\'s minimum (tooYoung, with the minimum)', async () => {
        await expect400(signupBody(adults.opportunityId, adults.shiftIds, { ageBand: '15-17', guardian: { name: 'Ελένη Κ', email: 'eleni@example.gr' } }), [['ageBand', 'tooYoung']], { min: 18 });
      });

      it('asks a minor for their guardian\'s name and email', async () => {
        await expect400(signupBody(teens.opportunityId, teens.shiftIds, { ageBand: '15-17' }), [['guardian.name', 'required'], ['guardian.email', 'required']]);
      });

      it('does not keep guardian details an adult sent', async () => {
        const body = signupBody(teens.opportunityId, teens.shiftIds, { guardian: { name: 'Κάποιος Άλλος', email: 'other@example.gr' } });
        await signUp(s, body);
        const { rows } = await s.db.query<{ guardian_name: string | null; guardian_status: string }>('SELECT guardian_name, guardian_status FROM volunteer_signups WHERE email = $1', [body.email]);
        assert.deepEqual(rows, [{ guardian_name: null, guardian_status: 'not-needed' }]);
      });
    });

    describe('malformed requests', () => {
      let opp: { opportunityId: string; shiftIds: string[] };
      before(async () => {
        opp = await insertOpportunity(s.db, { shifts: [{ startsIn: 3 * DAY, capacity: 5 }] });
      });

      it('answers 400 problem+json with a path per field', async () => {
        const res = await postSignup(s, { ...signupBody(opp.opportunityId, []), email: 'not-an-email', consent: false, phone: '12' });
        assert.equal(res.status, 400);
        const errors = errorsOf(await problemOf(res));
        for (const e of [['shiftIds', 'required'], ['email', 'email'], ['consent', 'consent'], ['phone', 'phone']]) assert.ok(errors.some(([p, c]) => p === e[0] && c === e[1]), `${e}: ${JSON.stringify(errors)}`);
      });

      it('answers 400 to a body that is not JSON, 415 to a form post, 400 without an Idempotency-Key', async () => {
        const broken = await s.fetch('/api/volunteering/signups', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: '{"name":' });
        assert.equal(broken.status, 400);
        assert.equal((await problemOf(broken)).type, PROBLEM_TYPES.validation);
        const form = await s.fetch('/api/volunteering/signups', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': randomUUID() }, body: 'name=x' });
        assert.equal(form.status, 415);
        const keyless = await s.fetch('/api/volunteering/signups', postJson(signupBody(opp.opportunityId, opp.shiftIds)));
        assert.equal(keyless.status, 400);
        assert.equal((await problemOf(keyless)).type, PROBLEM_TYPES.idempotencyKeyMissing);
      });

      it('refuses a filled honeypot without keeping that answer for the key', async () => {
        const body = signupBody(opp.opportunityId, opp.shiftIds);
        const key = randomUUID();
        const bot = await postSignup(s, { ...body, website: 'http://spam.example' }, key);
        assert.equal(bot.status, 400);
        assert.equal((await problemOf(bot)).type, PROBLEM_TYPES.tooFast);
        assert.equal(await storedFor(s, body.email), 0);
        const key2 = randomUUID();
        assert.equal((await postSignup(s, body, key2)).status, 201);
      });
    });

    describe('links in messages', () => {
      it('lead to the signup page when it is on an allowed origin (fragment dropped), else to the server\'s page', async () => {
        const opp = await insertOpportunity(s.db, { shifts: [{ startsIn: 3 * DAY, capacity: 5 }, { startsIn: 5 * DAY, capacity: 5 }] });
        const allowed = signupBody(opp.opportunityId, [opp.shiftIds[0]!], { pageUrl: `${PAGE_ORIGIN}/ethelontismos?x=1#old` });
        await signUp(s, allowed);
        const [mine] = await outbox(s.db, { to: allowed.email });
        assert.ok(mine!.text.includes(`${PAGE_ORIGIN}/ethelontismos?x=1#kentro-manage=${tokenIn(mine!.text, 'manage')}`), mine!.text);

        const elsewhere = signupBody(opp.opportunityId, [opp.shiftIds[1]!], { pageUrl: 'https://evil.example/phish' });
        await signUp(s, elsewhere);
        const [theirs] = await outbox(s.db, { to: elsewhere.email });
        assert.ok(theirs!.text.includes(`${PUBLIC_URL}/#kentro-manage=`), theirs!.text);
        assert.ok(!theirs!.text.includes('evil.example'));
      });
    });
  });

  describe(`volunteering opportunities (${backend})`, () => {
    let s: TestServer;
    let fixture: { opportunityId: string; shiftIds: string[] };
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0 } });
      fixture = await insertOpportunity(s.db, {
        role: 'Ταξινόμηση ρούχων', skills: ['Οργάνωση αποθήκης', 'Ομαδικότητα'],
        // Two days apart, so they never share a calendar day in Athens (a day 24 h apart can, the night the clocks go back).
        shifts: [{ startsIn: -2 * HOUR, capacity: 4 }, { startsIn: 9 * DAY, capacity: 4, filled: 3 }, { startsIn: 11 * DAY, capacity: 2, filled: 2 }],
      });
      await signUp(s, signupBody(fixture.opportunityId, [fixture.shiftIds[2]!], { waitlistIfFull: true }));
    });
    after(() => s.close());

    const list = async (query = '') => {
      const res = await s.fetch(`/api/volunteering/opportunities${query}`);
      assert.equal(res.status, 200);
      return z.parse(VolunteerOpportunityList, await res.json());
    };

    it('lists open opportunities with upcoming shifts only, places left and waitlist lengths', async () => {
      const { timeZone, items } = await list();
      assert.equal(timeZone, 'Europe/Athens');
      const mine = items.find((o) => o.id === fixture.opportunityId)!;
      assert.deepEqual(mine.shifts.map((sh) => [sh.id, sh.capacity, sh.placesLeft, sh.waitlist]), [
        [fixture.shiftIds[1], 4, 1, 0], [fixture.shiftIds[2], 2, 0, 1],
      ]);
      assert.match(mine.shifts[0]!.start, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$/);
      const foodBank = items.find((o) => o.id === seedId('vol:food-bank'))!;
      assert.equal(foodBank.minAge, 18, 'age bands cannot check 16: the seed asks 18');
      const firsts = items.map((o) => Date.parse(o.shifts[0]!.start));
      assert.deepEqual(firsts, [...firsts].sort((a, b) => a - b), 'soonest first');
    });

    it('filters by skill with accents, case and final sigma folded', async () => {
      const { items } = await list(`?skill=${encodeURIComponent('ΟΡΓΑΝΩΣΗ ΑΠΟΘΗΚΗΣ')}`);
      assert.deepEqual(items.map((o) => o.id), [fixture.opportunityId]);
      assert.equal((await list('?skill=zzzz')).items.length, 0);
    });

    it('filters by place and by date window (shifts outside it are left out)', async () => {
      const atVillage = await list(`?location=${seedId('loc:village:' + 'x')}`);
      assert.equal(atVillage.items.length, 0);
      const centre = await list(`?location=${seedId('loc:centre')}`);
      assert.ok(centre.items.length > 0 && centre.items.every((o) => o.place?.id === seedId('loc:centre')));
      const shiftStart = (await s.db.query<{ starts_at: Date }>('SELECT starts_at FROM volunteer_shifts WHERE id = $1', [fixture.shiftIds[2]])).rows[0]!.starts_at;
      const day = localToday('Europe/Athens', shiftStart);
      const { items } = await list(`?from=${day}&to=${day}`);
      const mine = items.find((o) => o.id === fixture.opportunityId)!;
      assert.deepEqual(mine.shifts.map((sh) => sh.id), [fixture.shiftIds[2]]);
    });

    it('answers one opportunity, 404 for an unknown or closed one, 400 for a malformed id', async () => {
      const res = await s.fetch(`/api/volunteering/opportunities/${fixture.opportunityId}`);
      assert.equal(res.status, 200);
      assert.equal(z.parse(VolunteerOpportunity, await res.json()).shifts.length, 2);
      const closed = await insertOpportunity(s.db, { status: 'closed', shifts: [{ startsIn: DAY, capacity: 1 }] });
      for (const id of [randomUUID(), closed.opportunityId]) {
        const missing = await s.fetch(`/api/volunteering/opportunities/${id}`);
        assert.equal(missing.status, 404);
        assert.equal((await problemOf(missing)).type, PROBLEM_TYPES.notFound);
      }
      assert.equal((await s.fetch('/api/volunteering/opportunities/not-a-uuid')).status, 400);
    });
  });
}
