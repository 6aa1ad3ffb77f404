/**
 * The school's status check (`GET /referrals/{reference}/status`): the code's form and how loosely it may be typed,
 * the history with the centre's notes and nothing about the pupil, the guardian or the referrer, 401 without a
 * code, one and the same 404 for a wrong code and an unknown reference, codes kept only as hashes, and the limit
 * on guessing. PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PROBLEM_TYPES, type Problem } from '../../src/contract/common.ts';
import { ReferralStatusView, StatusToken } from '../../src/contract/referral.ts';
import { purgeExpiredIdempotencyKeys } from '../../src/server/http/idempotency.ts';
import { newStatusCode, normalStatusCode, statusCodeHash, statusCodeMatches } from '../../src/server/referrals/status-code.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';
import { checkStatus, patchReferral, personalValues, referralBody, submitReferral } from '../support/referral.ts';

const bearer = (code: string) => `Bearer ${code}`;

/** Another code of the right form, differing from `code` in its last symbol. */
const otherCode = (code: string) => `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;

async function problemOf(res: Response) {
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  return (await res.json()) as Problem;
}

describe('status codes', () => {
  it('are 16 Crockford base32 symbols in four groups, fresh each time', () => {
    const codes = Array.from({ length: 200 }, newStatusCode);
    for (const code of codes) {
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      assert.ok(z.safeParse(StatusToken, code).success);
    }
    assert.equal(new Set(codes).size, codes.length);
    // 80 bits: every symbol position takes many values over 200 codes (none is fixed by the encoding).
    for (let i = 0; i < 19; i++) if (i % 5 !== 4) assert.ok(new Set(codes.map((c) => c[i])).size > 10, `position ${i} varies`);
  });

  it('may be typed in lower case, without dashes, with spaces, and with O, I or L for 0 and 1', () => {
    assert.equal(normalStatusCode('k7qm-2xpd-93rt-4b1c'), 'K7QM-2XPD-93RT-4B1C');
    assert.equal(normalStatusCode(' K7QM 2XPD 93RT 4B1C '), 'K7QM-2XPD-93RT-4B1C');
    assert.equal(normalStatusCode('K7QM2XPD93RT4BIC'), 'K7QM-2XPD-93RT-4B1C');
    assert.equal(normalStatusCode('K7QM-2XPD-93RT-4BLO'), 'K7QM-2XPD-93RT-4B10');
    for (const wrong of ['K7QM-2XPD-93RT-4B1', 'K7QM-2XPD-93RT-4B1CC', 'K7QM-2XPD-93RT-4B1U', 'K7QM-2XPD-93RT-4B1Ω', '']) {
      assert.equal(normalStatusCode(wrong), undefined, wrong);
    }
  });

  it('match only their own hash', () => {
    const code = newStatusCode();
    const hash = statusCodeHash(code);
    assert.equal(hash, createHash('sha256').update(code).digest('hex'));
    assert.ok(statusCodeMatches(code.toLowerCase(), hash));
    assert.ok(!statusCodeMatches(otherCode(code), hash));
    assert.ok(!statusCodeMatches(code, undefined), 'no referral');
    assert.ok(!statusCodeMatches('no referral', undefined));
    assert.ok(!statusCodeMatches('not a code', hash));
  });
});

for (const backend of backends()) {
  describe(`referral status check (${backend})`, () => {
    let s: TestServer;
    const body = referralBody({ pupil: { ...referralBody().pupil, age: 13 } });
    let reference: string;
    let code: string;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0 } });
      ({ reference, statusToken: code } = await submitReferral(s, body));
      assert.equal((await patchReferral(s, reference, { status: 'accepted', note: 'Η κοινωνική λειτουργός θα καλέσει την οικογένεια αυτή την εβδομάδα.' })).status, 200);
    });
    after(() => s.close());

    it('answers the right code with the status and its history, notes included', async () => {
      const res = await checkStatus(s, reference, bearer(code));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const view = z.parse(ReferralStatusView, await res.json());
      assert.equal(view.reference, reference);
      assert.equal(view.status, 'accepted');
      assert.deepEqual(view.history.map((h) => [h.status, h.note]), [
        ['requested', undefined],
        ['accepted', 'Η κοινωνική λειτουργός θα καλέσει την οικογένεια αυτή την εβδομάδα.'],
      ]);
      for (const h of view.history) assert.match(h.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    });

    it('contains nothing about the pupil, the guardian or the referrer', async () => {
      const raw = await (await checkStatus(s, reference, bearer(code))).text();
      assert.deepEqual(Object.keys(JSON.parse(raw) as object).sort(), ['history', 'reference', 'status']);
      const values = personalValues(body);
      assert.ok(values.length >= 15, 'the search covers every personal answer');
      for (const value of values) assert.ok(!raw.includes(value), `the answer does not contain "${value}"`);
      for (const value of ['2012-03-14', '13', 'Β\' Γυμνασίου', 'Β\\u0027 Γυμνασίου']) assert.ok(!raw.includes(`"${value}"`));
    });

    it('accepts the code in lower case, or without its dashes', async () => {
      assert.equal((await checkStatus(s, reference, bearer(code.toLowerCase()))).status, 200);
      assert.equal((await checkStatus(s, reference, bearer(code.replaceAll('-', '')))).status, 200);
    });

    it('answers 401 when no code is sent', async () => {
      for (const authorization of [null, 'Bearer', 'Bearer   ', code]) {
        const res = await checkStatus(s, reference, authorization);
        assert.equal(res.status, 401, String(authorization));
        assert.equal((await problemOf(res)).type, PROBLEM_TYPES.unauthorized);
        assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer /);
      }
    });

    it('answers a wrong code and an unknown reference with the same 404', async () => {
      const other = await submitReferral(s, referralBody());
      const attempts = [
        await checkStatus(s, reference, bearer(otherCode(code))),
        await checkStatus(s, reference, bearer(other.statusToken)),
        await checkStatus(s, reference, bearer('not-a-code')),
        await checkStatus(s, 'ΣΔ-2026-999999', bearer(code)),
        await checkStatus(s, 'ΣΔ-2026-999999', bearer(newStatusCode())),
      ];
      const bodies = [];
      for (const res of attempts) {
        assert.equal(res.status, 404);
        const { instance: _instance, ...rest } = await problemOf(res);
        bodies.push(JSON.stringify(rest));
      }
      assert.equal(new Set(bodies).size, 1, `one answer: ${bodies[0]}`);
      assert.equal(JSON.parse(bodies[0]!).type, PROBLEM_TYPES.notFound);
    });

    it('keeps the code only as its hash (the stored POST answer, replayed to a retry, expires with its key)', async () => {
      const { rows } = await s.db.query<{ status_token_hash: string }>('SELECT status_token_hash FROM referrals WHERE reference = $1', [reference]);
      assert.equal(rows[0]!.status_token_hash, createHash('sha256').update(code).digest('hex'));
      const tables = await s.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      );
      assert.ok(tables.rows.some((t) => t.table_name === 'referrals'));
      const holding: string[] = [];
      for (const { table_name: table } of tables.rows) {
        const dump = await s.db.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t`);
        if (dump.rows.some((r) => r.row.toUpperCase().includes(code))) holding.push(table);
      }
      assert.deepEqual(holding, ['idempotency_keys'], 'in clear only in the stored answer');
      await purgeExpiredIdempotencyKeys(s.db, 0);
      const left = await s.db.query<{ row: string }>('SELECT t::text AS row FROM idempotency_keys t');
      assert.ok(!left.rows.some((r) => r.row.includes(code)));
      assert.equal((await checkStatus(s, reference, bearer(code))).status, 200, 'the code still opens the status');
    });
  });

  describe(`referral status guessing (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0, referralStatusFailuresPerWindow: 3 } });
    });
    after(() => s.close());

    it('is blocked with 429 after repeated failures, even for the right code, and a success does not clear the count', async () => {
      const { reference, statusToken } = await submitReferral(s, referralBody());
      assert.equal((await checkStatus(s, reference, bearer(otherCode(statusToken)))).status, 404);
      assert.equal((await checkStatus(s, reference, bearer(statusToken))).status, 200);
      assert.equal((await checkStatus(s, 'ΣΔ-2026-999999', bearer(statusToken))).status, 404);
      assert.equal((await checkStatus(s, reference, bearer(statusToken))).status, 200);
      assert.equal((await checkStatus(s, reference, bearer('0000-0000-0000-0000'))).status, 404);
      const blocked = await checkStatus(s, reference, bearer(statusToken));
      assert.equal(blocked.status, 429);
      assert.equal((await problemOf(blocked)).type, PROBLEM_TYPES.rateLimited);
      assert.ok(Number(blocked.headers.get('retry-after')) > 60, 'for the rest of the 15-minute window');
    });
  });
}
