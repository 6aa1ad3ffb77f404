/**
 * `POST /referrals` and `GET /referrals/options`: a reference ΣΔ-<year>-<6 digits> and a status code for a valid
 * referral, one referral per Idempotency-Key even when it arrives 20 times at once, 400 problems with the field
 * paths the form shows errors under, a child in immediate danger refused with the numbers to call and nothing
 * kept, the referrer's confirmation email without pupil data, and the programmes the form offers. PGlite and
 * PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PROBLEM_TYPES, type Problem } from '../../src/contract/common.ts';
import { ReferralOptions, StatusToken } from '../../src/contract/referral.ts';
import { listOutbox } from '../../src/server/mail/outbox.ts';
import { shortDescription } from '../../src/server/referrals/programmes.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';
import {
  personalValues, postReferral, PROGRAMME, referralBody, referralCount, referUntilAnswered, storedHistory, submitReferral,
} from '../support/referral.ts';

const REFERENCE = /^ΣΔ-\d{4}-\d{6}$/;
const athensYear = () => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Athens' }).format(new Date());

async function problemOf(res: Response) {
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  return (await res.json()) as Problem;
}

const errorsOf = (p: Problem) => (p.errors ?? []).map((e) => [e.path.join('.'), e.code]);

/** Expects a 400 validation problem naming exactly these fields and codes, and nothing stored. */
async function expectRefused(s: TestServer, body: unknown, expected: [string, string][]) {
  const before = await referralCount(s.db);
  const res = await postReferral(s, body);
  assert.equal(res.status, 400);
  const p = await problemOf(res);
  assert.equal(p.type, PROBLEM_TYPES.validation);
  assert.deepEqual(errorsOf(p), expected);
  assert.equal(await referralCount(s.db), before, 'nothing stored');
}

describe('a programme\'s short description', () => {
  it('is its first sentence, or as many whole words as fit with an ellipsis', () => {
    assert.equal(shortDescription('Ο πρώτος σταθμός. Οι κοινωνικοί λειτουργοί σας ακούνε.'), 'Ο πρώτος σταθμός.');
    assert.equal(shortDescription('  Χωρίς τελεία  στο τέλος '), 'Χωρίς τελεία στο τέλος');
    const long = `${'λέξη '.repeat(60)}τέλος.`;
    const short = shortDescription(long);
    assert.ok(short.length <= 200 && short.endsWith('λέξη…'), short);
  });
});

for (const backend of backends()) {
  describe(`referral options (${backend})`, () => {
    let s: TestServer;
    let empty: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0, emergencyNumber: '100', childLineNumber: '+30 210 000 0000' } });
      empty = await startTestServer({ backend, config: { jobsIntervalMs: 0 } });
    });
    after(async () => {
      await s.close();
      await empty.close();
    });

    it('offer the centre\'s active programmes, dropout prevention first, then those for children and schools', async () => {
      await s.db.query(`UPDATE services SET status = 'inactive' WHERE id = $1`, [PROGRAMME.psychosocial]);
      const o = z.parse(ReferralOptions, await (await s.fetch('/api/referrals/options')).json());
      const names = o.programmes.map((p) => p.name);
      assert.deepEqual(names.slice(0, 4), [
        'Δίκτυο κατά της σχολικής διαρροής',
        'Δημιουργική απασχόληση και μαθησιακή υποστήριξη παιδιών',
        'Επαγγελματικός προσανατολισμός εφήβων',
        'Μικτές δράσεις κοινωνικοποίησης και ένταξης',
      ]);
      assert.equal(o.programmes[0]!.id, PROGRAMME.dropout);
      assert.ok(!o.programmes.some((p) => p.id === PROGRAMME.psychosocial), 'an inactive programme is not offered');
      assert.equal(o.programmes.length, 12);
      assert.ok(o.programmes.every((p) => p.description && p.description.length <= 200));
      assert.deepEqual(o.emergency, { general: '100', childLine: '+30 210 000 0000' });
      await s.db.query(`UPDATE services SET status = 'active' WHERE id = $1`, [PROGRAMME.psychosocial]);
    });

    it('still answer with an empty directory, with the default emergency numbers', async () => {
      assert.deepEqual(await (await empty.fetch('/api/referrals/options')).json(), { programmes: [], emergency: { general: '112', childLine: '1107' } });
    });
  });

  describe(`referrals (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0 } });
    });
    after(() => s.close());

    describe('a valid referral', () => {
      it('is stored and answered 201 with a reference ΣΔ-<year>-<6 digits> and a status code', async () => {
        const yearBefore = athensYear();
        const res = await postReferral(s, referralBody());
        assert.equal(res.status, 201);
        const { reference, statusToken } = (await res.json()) as { reference: string; statusToken: string };
        assert.match(reference, REFERENCE);
        assert.ok([yearBefore, athensYear()].includes(reference.slice(3, 7)), 'the year in Athens when the request was stored');
        assert.ok(z.safeParse(StatusToken, statusToken).success, statusToken);
        assert.match(statusToken, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/, 'upper case, grouped 4-4-4-4');
        assert.deepEqual(await storedHistory(s.db, reference), [{ status: 'requested', note: null }]);
        const second = await submitReferral(s, referralBody());
        assert.notEqual(second.reference, reference);
        assert.notEqual(second.statusToken, statusToken, 'each referral has a code of its own');
      });

      it('keeps the programmes\' names as they read, and only the reasons that apply', async () => {
        const { reference } = await submitReferral(s, referralBody({
          consent: { immediateRisk: 'no', guardianAgrees: 'yes', reason: 'Δεν χρειάζεται' },
          support: { serviceIds: [PROGRAMME.learning, PROGRAMME.dropout.toUpperCase(), PROGRAMME.learning], urgency: 'routine', urgencyReason: 'Καμία' },
          pupil: { name: 'Άννα Ιωάννου', age: 9, class: 'Γ\' Δημοτικού' },
        }));
        const { rows } = await s.db.query<Record<string, unknown>>(
          'SELECT service_names, consent_reason, urgency_reason, pupil_age, pupil_birth_date, absence_level FROM referrals WHERE reference = $1', [reference],
        );
        assert.deepEqual(rows[0], {
          service_names: ['Δημιουργική απασχόληση και μαθησιακή υποστήριξη παιδιών', 'Δίκτυο κατά της σχολικής διαρροής'],
          consent_reason: null, urgency_reason: null, pupil_age: 9, pupil_birth_date: null, absence_level: 'persistent',
        });
      });

      it('emails the referrer a confirmation in their language with the reference, but no pupil data and no code', async () => {
        const body = referralBody({ locale: 'en' });
        const { reference, statusToken } = await submitReferral(s, body);
        const mail = await listOutbox(s.db, { to: body.referrer.email });
        assert.equal(mail.length, 1);
        const [message] = mail;
        assert.equal(message!.kind, 'referral.received');
        assert.equal(message!.subject, `We have received your referral (${reference})`);
        assert.ok(message!.text.includes(`Reference: ${reference}`) && message!.text.includes('Status: Requested'));
        const { rows } = await s.db.query<{ html_body: string }>('SELECT html_body FROM mail_outbox WHERE id = $1', [message!.id]);
        const everything = `${message!.subject}\n${message!.text}\n${rows[0]!.html_body}`;
        assert.ok(!everything.includes(statusToken), 'the status code is not emailed');
        // The referrer's own name greets them; nothing else of the referral is in the message.
        for (const value of personalValues(body).filter((v) => v !== body.referrer.name && v !== body.referrer.email)) {
          assert.ok(!everything.includes(value), `the message does not contain "${value}"`);
        }
      });
    });

    describe('one Idempotency-Key', () => {
      it('sent 20 times at once makes one referral and gives every sender the same answer', async () => {
        const body = referralBody();
        const key = randomUUID();
        const before = await referralCount(s.db);
        const results = await Promise.all(Array.from({ length: 20 }, () => referUntilAnswered(s, body, key)));
        assert.deepEqual(new Set(results.map((r) => r.status)), new Set([201]));
        assert.equal(new Set(results.map((r) => r.text)).size, 1, 'all 20 answers are identical');
        assert.equal(await referralCount(s.db), before + 1);
        assert.equal((await listOutbox(s.db, { to: body.referrer.email })).length, 1, 'one confirmation');
      });

      it('with another body is refused with 422', async () => {
        const key = randomUUID();
        assert.equal((await postReferral(s, referralBody(), key)).status, 201);
        const before = await referralCount(s.db);
        const other = await postReferral(s, referralBody(), key);
        assert.equal(other.status, 422);
        assert.equal((await problemOf(other)).type, PROBLEM_TYPES.idempotencyMismatch);
        assert.equal(await referralCount(s.db), before);
      });
    });

    describe('answers a 400 problem with field paths', () => {
      const base = referralBody();
      it('for missing parts', async () => {
        const { pupil: _pupil, guardian: _guardian, ...rest } = base;
        await expectRefused(s, rest, [['pupil', 'required'], ['guardian', 'required']]);
      });
      it('for missing or malformed answers inside a part', () => {
        const { name: _name, ...referrer } = base.referrer;
        return expectRefused(s, { ...base, referrer: { ...referrer, email: 'not-an-email' }, indicators: { ...base.indicators, tried: ' ' } },
          [['referrer.name', 'required'], ['referrer.email', 'email'], ['indicators.tried', 'required']]);
      });
      it('without a date of birth or an age', () =>
        expectRefused(s, { ...base, pupil: { ...base.pupil, birthDate: undefined } }, [['pupil.birthDate', 'required']]));
      it('without a guardian\'s phone or email', () =>
        expectRefused(s, { ...base, guardian: { name: 'Κάποιος Γονέας', responsibility: 'father' } }, [['guardian.phone', 'required']]));
      it('when the guardian has not agreed and no reason is given', () =>
        expectRefused(s, { ...base, consent: { immediateRisk: 'no', guardianAgrees: 'no', reason: '  ' } }, [['consent.reason', 'required']]));
      it('for an urgent or soon referral without a reason', async () => {
        await expectRefused(s, { ...base, support: { ...base.support, urgency: 'urgent', urgencyReason: undefined } }, [['support.urgencyReason', 'required']]);
        await expectRefused(s, { ...base, support: { ...base.support, urgency: 'soon', urgencyReason: ' ' } }, [['support.urgencyReason', 'required']]);
      });
      it('for every rule across answers at once', () =>
        expectRefused(s, {
          ...base,
          pupil: { ...base.pupil, birthDate: undefined },
          guardian: { name: 'Κάποιος Γονέας', responsibility: 'father' },
          consent: { immediateRisk: 'no', guardianAgrees: 'no' },
          support: { ...base.support, urgency: 'urgent', urgencyReason: undefined },
        }, [['pupil.birthDate', 'required'], ['guardian.phone', 'required'], ['consent.reason', 'required'], ['support.urgencyReason', 'required']]));
      it('for a programme that is not one of the centre\'s, at its index', async () => {
        await s.db.query(`UPDATE services SET status = 'inactive' WHERE id = $1`, [PROGRAMME.psychosocial]);
        await expectRefused(s, { ...base, support: { ...base.support, serviceIds: [PROGRAMME.dropout, randomUUID(), 'dropout', PROGRAMME.psychosocial] } },
          [['support.serviceIds.1', 'choice'], ['support.serviceIds.2', 'choice'], ['support.serviceIds.3', 'choice']]);
        await s.db.query(`UPDATE services SET status = 'active' WHERE id = $1`, [PROGRAMME.psychosocial]);
      });
      it('for answers of the wrong type', async () => {
        const res = await postReferral(s, {
          ...base, referrer: { ...base.referrer, role: 'janitor' }, pupil: { ...base.pupil, age: 3, birthDate: '14/03/2012' },
          indicators: { ...base.indicators, absencePercent: 140 }, support: { ...base.support, serviceIds: 'dropout' },
        });
        assert.equal(res.status, 400);
        const found = errorsOf(await problemOf(res));
        for (const e of [['referrer.role', 'choice'], ['pupil.birthDate', 'date'], ['pupil.age', 'tooSmall'], ['indicators.absencePercent', 'tooBig']]) {
          assert.ok(found.some(([p, c]) => p === e[0] && c === e[1]), `${e.join(' ')} in ${JSON.stringify(found)}`);
        }
        assert.ok(found.some(([p]) => p === 'support.serviceIds'));
      });
      it('for a body that is not JSON', async () => {
        const res = await s.fetch('/api/referrals', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: '{"pupil": ' });
        assert.equal(res.status, 400);
        assert.match((await problemOf(res)).detail ?? '', /not valid JSON/);
      });
    });

    describe('a child in immediate danger', () => {
      it('is refused with the numbers to call, and nothing is stored or emailed', async () => {
        const body = referralBody({ consent: { immediateRisk: 'yes', guardianAgrees: 'no' } });
        const before = await referralCount(s.db);
        const key = randomUUID();
        const res = await postReferral(s, body, key);
        assert.equal(res.status, 400);
        const p = await problemOf(res);
        assert.equal(p.type, PROBLEM_TYPES.validation);
        assert.deepEqual(errorsOf(p), [['consent.immediateRisk', 'invalid']], 'the only error, although the reason is missing too');
        assert.match(p.detail ?? '', /call 112 .*1107 now/);
        assert.deepEqual(p.emergency, { general: '112', childLine: '1107' });
        assert.equal(await referralCount(s.db), before);
        assert.deepEqual(await listOutbox(s.db, { to: body.referrer.email }), []);
        const { rows } = await s.db.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key]);
        assert.equal(rows.length, 0, 'not even the answer is kept for the key');
      });
    });
  });

  describe(`referral anti-automation (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0, minFillMs: 60_000 } });
    });
    after(() => s.close());

    it('refuses a form without its render token, but still tells a child in danger whom to call', async () => {
      const tokenless = await postReferral(s, referralBody());
      assert.equal(tokenless.status, 400);
      assert.equal((await problemOf(tokenless)).type, PROBLEM_TYPES.tooFast);
      const danger = await postReferral(s, referralBody({ consent: { immediateRisk: 'yes', guardianAgrees: 'yes' } }));
      assert.deepEqual(errorsOf(await problemOf(danger)), [['consent.immediateRisk', 'invalid']]);
      assert.equal(await referralCount(s.db), 0);
    });
  });
}
