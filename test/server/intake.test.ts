/**
 * `POST /intake/requests`: a reference number for a valid request, exactly one request per Idempotency-Key even
 * when it arrives 20 times at once, 400 problems with the field paths the form shows errors under, only what the
 * person chose to give kept (no name when anonymous, no optional facts without consent), and the anti-automation
 * checks (honeypot, minimum fill time, rate limit). PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PROBLEM_TYPES, type Problem } from '../../src/contract/common.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';
import { intakeBody, intakeCount, NEED, postIntake, sendUntilAnswered, storedIntake, submitIntake } from '../support/intake.ts';

const athensYear = () => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Athens' }).format(new Date());

const REFERENCE = /^ΚΚ-\d{4}-\d{6}$/;

async function problemOf(res: Response) {
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  return (await res.json()) as Problem;
}

const errorsOf = (p: Problem) => (p.errors ?? []).map((e) => [e.path.join('.'), e.code]);

/** Expects a 400 validation problem naming exactly these fields and codes, and nothing stored. */
async function expectRefused(s: TestServer, body: unknown, expected: [string, string][]) {
  const before = await intakeCount(s.db);
  const res = await postIntake(s, body);
  assert.equal(res.status, 400);
  const p = await problemOf(res);
  assert.equal(p.type, PROBLEM_TYPES.validation);
  assert.deepEqual(errorsOf(p), expected);
  assert.equal(await intakeCount(s.db), before, 'nothing stored');
}

for (const backend of backends()) {
  describe(`intake requests (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0 } });
    });
    after(() => s.close());

    describe('a valid request', () => {
      it('is stored and answered 201 with a reference ΚΚ-<year>-<6 digits>', async () => {
        const yearBefore = athensYear();
        const res = await postIntake(s, intakeBody());
        assert.equal(res.status, 201);
        const { reference } = (await res.json()) as { reference: string };
        assert.match(reference, REFERENCE);
        assert.ok([yearBefore, athensYear()].includes(reference.slice(3, 7)), 'the year in Athens when the request was stored');
        const stored = await storedIntake(s.db, reference);
        assert.deepEqual(stored?.need_names, ['Στέγαση'], 'the need\'s name is copied at submit time');
        assert.equal(stored?.status, 'new');
        assert.match(await submitIntake(s, intakeBody()), REFERENCE, 'a second request gets a reference of its own');
      });

      it('may give only a description, or only needs (each need once)', async () => {
        assert.match(await submitIntake(s, intakeBody({ needs: [] })), REFERENCE);
        const ref = await submitIntake(s, intakeBody({ needs: [NEED.gmi, NEED.legal, NEED.gmi], description: undefined }));
        assert.deepEqual((await storedIntake(s.db, ref))?.need_names, ['Ελάχιστο Εγγυημένο Εισόδημα (ΚΕΑ)', 'Νομική βοήθεια']);
      });
    });

    describe('one Idempotency-Key', () => {
      it('sent 20 times at once makes one request and gives every sender the same answer', async () => {
        const body = intakeBody({ description: `Ταυτόχρονα ${randomUUID()}` });
        const key = randomUUID();
        const results = await Promise.all(Array.from({ length: 20 }, () => sendUntilAnswered(s, body, key)));
        assert.deepEqual(new Set(results.map((r) => r.status)), new Set([201]));
        assert.equal(new Set(results.map((r) => r.text)).size, 1, 'all 20 answers are identical');
        assert.equal(results.filter((r) => !r.replayed).length, 1, 'one answer was made, 19 replayed');
        const { rows } = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM intake_requests WHERE description = $1', [body.description]);
        assert.equal(rows[0]!.n, 1);
      });

      it('with another body is refused with 422, and without a key the request is refused with 400', async () => {
        const key = randomUUID();
        assert.equal((await postIntake(s, intakeBody(), key)).status, 201);
        const other = await postIntake(s, intakeBody({ description: 'Κάτι άλλο' }), key);
        assert.equal(other.status, 422);
        assert.equal((await problemOf(other)).type, PROBLEM_TYPES.idempotencyMismatch);
        const before = await intakeCount(s.db);
        const keyless = await s.fetch('/api/intake/requests', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(intakeBody()) });
        assert.equal(keyless.status, 400);
        assert.equal((await problemOf(keyless)).type, PROBLEM_TYPES.idempotencyKeyMissing);
        assert.equal(await intakeCount(s.db), before);
      });
    });

    describe('answers a 400 problem with field paths', () => {
      const base = intakeBody();
      it('without a need or a description', () => expectRefused(s, { ...base, needs: [], description: '  ' }, [['needs', 'required']]));
      it('without a name when not anonymous', () =>
        expectRefused(s, { ...base, about: { ageBand: '30-44' } }, [['about.name', 'required']]));
      it('for a phone call or SMS without a phone number', async () => {
        await expectRefused(s, { ...base, contact: { methods: ['phone'], consent: true } }, [['contact.phone', 'required']]);
        await expectRefused(s, { ...base, contact: { methods: ['visit', 'sms'], consent: true } }, [['contact.phone', 'required']]);
      });
      it('for email without an address', () =>
        expectRefused(s, { ...base, contact: { methods: ['email'], phone: '694 123 4567', consent: true } }, [['contact.email', 'required']]));
      it('for a malformed email address or phone number', () =>
        expectRefused(s, { ...base, contact: { methods: ['email', 'phone'], email: 'eleni@', phone: '12', consent: true } },
          [['contact.phone', 'phone'], ['contact.email', 'email']]));
      it('without consent to be contacted', () =>
        expectRefused(s, { ...base, contact: { ...base.contact, consent: false } }, [['contact.consent', 'consent']]));
      it('for optional facts answered without their consent', () =>
        expectRefused(s, { ...base, facts: { roma: 'yes', disability: 'prefer-not' } }, [['facts.consent', 'consent']]));
      it('for "other" language without its name', () =>
        expectRefused(s, { ...base, language: { preferred: 'other', otherLanguage: ' ' } }, [['language.otherLanguage', 'required']]));
      it('for a need that is not one of the centre\'s, at its index', () =>
        expectRefused(s, { ...base, needs: [NEED.housing, randomUUID(), 'housing', NEED.legal] }, [['needs.1', 'choice'], ['needs.2', 'choice']]));
      it('for a need from another taxonomy (a target group is not a need)', async () => {
        const { rows } = await s.db.query<{ id: string }>(`SELECT id FROM taxonomy_terms WHERE code = 'roma'`);
        await expectRefused(s, { ...base, needs: [rows[0]!.id] }, [['needs.0', 'choice']]);
      });
      it('for answers of the wrong type', async () => {
        const res = await postIntake(s, { ...base, needs: 'housing', about: { ...base.about, anonymous: 'yes' }, contact: { ...base.contact, methods: ['fax'] } });
        assert.equal(res.status, 400);
        const paths = errorsOf(await problemOf(res)).map(([p]) => p);
        for (const p of ['needs', 'about.anonymous', 'contact.methods.0']) assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
      });
      it('for a body that is not JSON', async () => {
        const res = await s.fetch('/api/intake/requests', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: '{"needs": [' });
        assert.equal(res.status, 400);
        const p = await problemOf(res);
        assert.equal(p.type, PROBLEM_TYPES.validation);
        assert.match(p.detail ?? '', /not valid JSON/);
      });
      it('and a corrected body may then be sent with the same key', async () => {
        const key = randomUUID();
        assert.equal((await postIntake(s, { ...base, needs: [], description: undefined }, key)).status, 400);
        assert.equal((await postIntake(s, base, key)).status, 201);
      });
    });

    describe('keeps only what the person chose to give', () => {
      it('no name when they prefer not to give one, even if the form sent it', async () => {
        const ref = await submitIntake(s, intakeBody({ about: { anonymous: true, name: 'Όνομα Που Δεν Κρατιέται', ageBand: 'prefer-not' } }));
        const stored = await storedIntake(s.db, ref);
        assert.equal(stored?.anonymous, true);
        assert.equal(stored?.name, null);
        const { rows } = await s.db.query(`SELECT 1 FROM intake_requests WHERE name = 'Όνομα Που Δεν Κρατιέται'`);
        assert.equal(rows.length, 0);
      });

      it('the optional facts only with their consent', async () => {
        const declined = await submitIntake(s, intakeBody({ facts: { roma: 'prefer-not', consent: false } }));
        assert.equal((await storedIntake(s.db, declined))?.facts, null, 'not given with consent: dropped');
        const unasked = await submitIntake(s, intakeBody({ facts: { migrant: 'prefer-not' } }));
        assert.equal((await storedIntake(s.db, unasked))?.facts, null);
        const given = await submitIntake(s, intakeBody({ facts: { roma: 'yes', keaBeneficiary: 'no', disability: 'prefer-not', consent: true } }));
        assert.deepEqual((await storedIntake(s.db, given))?.facts, { roma: 'yes', disability: 'prefer-not', keaBeneficiary: 'no' });
      });
    });
  });

  describe(`intake anti-automation (${backend})`, () => {
    describe('honeypot and minimum fill time', () => {
      let s: TestServer;
      before(async () => {
        s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0, minFillMs: 400 } });
      });
      after(() => s.close());

      const formToken = async () => ((await (await s.fetch('/api/form-token')).json()) as { token: string }).token;

      it('refuses a filled honeypot without keeping that answer for the key', async () => {
        const renderedAt = await formToken();
        await new Promise((r) => setTimeout(r, 450));
        const key = randomUUID();
        const bot = await postIntake(s, intakeBody({ renderedAt, website: 'http://spam.example' }), key);
        assert.equal(bot.status, 400);
        assert.equal((await problemOf(bot)).type, PROBLEM_TYPES.tooFast);
        assert.equal(await intakeCount(s.db), 0);
        assert.equal((await postIntake(s, intakeBody({ renderedAt }))).status, 201, 'a person\'s request with the same token goes through');
      });

      it('refuses a form sent faster than a person could, or without its token, then accepts it in time', async () => {
        const before = await intakeCount(s.db);
        const renderedAt = await formToken();
        const body = intakeBody({ renderedAt });
        const key = randomUUID();
        const fast = await postIntake(s, body, key);
        assert.equal(fast.status, 400);
        const p = await problemOf(fast);
        assert.equal(p.type, PROBLEM_TYPES.tooFast);
        assert.ok(Number(p.waitMs) > 0 && Number(p.waitMs) <= 400);
        const tokenless = await postIntake(s, intakeBody());
        assert.equal(tokenless.status, 400);
        assert.equal((await problemOf(tokenless)).reload, true);
        assert.equal(await intakeCount(s.db), before);
        await new Promise((r) => setTimeout(r, 450));
        assert.equal((await postIntake(s, body, key)).status, 201, 'the same key works once the person has taken their time');
      });
    });

    describe('rate limit', () => {
      let s: TestServer;
      before(async () => {
        s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0, rateLimitPerMin: 2 } });
      });
      after(() => s.close());

      it('answers 429 with Retry-After past the limit, storing nothing more', async () => {
        assert.equal((await postIntake(s, intakeBody())).status, 201);
        assert.equal((await postIntake(s, intakeBody())).status, 201);
        const limited = await postIntake(s, intakeBody());
        assert.equal(limited.status, 429);
        assert.equal((await problemOf(limited)).type, PROBLEM_TYPES.rateLimited);
        assert.ok(Number(limited.headers.get('retry-after')) >= 1);
        assert.equal(await intakeCount(s.db), 2);
      });
    });
  });
}
