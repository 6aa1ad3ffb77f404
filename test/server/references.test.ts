/**
 * References numbered per year in the centre's time zone (`kentro_next_reference`, migration 009): the first of a
 * year is 000001 whatever came before, the count goes past six digits instead of failing, and numbers already given
 * by the old sequences are carried on. PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { REFERENCE_PATTERN } from '../../src/contract/common-values.ts';
import { loadMigrations, migrate } from '../../src/server/db/migrate.ts';
import { intakeBody, submitIntake } from '../support/intake.ts';
import { backends, openTestDatabase, startTestServer, type TestDatabase, type TestServer } from '../support/server.ts';

const next = async (s: { db: TestServer['db'] }, prefix: string, at: string) =>
  (await s.db.query<{ ref: string }>('SELECT kentro_next_reference($1, $2, $3) AS ref', [prefix, 'Europe/Athens', at])).rows[0]!.ref;

for (const backend of backends()) {
  describe(`references (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true });
    });
    after(() => s.close());

    it('restarts at 000001 on the first of January in Athens, not in UTC', async () => {
      // 23:59 on 31 December in Athens is 21:59 UTC; 00:00 on 1 January is 22:00 UTC on the 31st.
      assert.equal(await next(s, 'ΤΣ', '2027-12-31T21:59:00Z'), 'ΤΣ-2027-000001');
      assert.equal(await next(s, 'ΤΣ', '2027-12-31T21:59:30Z'), 'ΤΣ-2027-000002');
      assert.equal(await next(s, 'ΤΣ', '2027-12-31T22:00:00Z'), 'ΤΣ-2028-000001');
      assert.equal(await next(s, 'ΤΣ', '2028-01-01T10:00:00Z'), 'ΤΣ-2028-000002');
      assert.equal(await next(s, 'ΑΛ', '2028-01-01T10:00:00Z'), 'ΑΛ-2028-000001', 'each prefix counts on its own');
    });

    it('goes past 999999 with a seventh digit instead of failing', async () => {
      await s.db.query(`INSERT INTO reference_counters (prefix, year, last) VALUES ('ΚΚ', 2031, 999998)`);
      assert.equal(await next(s, 'ΚΚ', '2031-06-01T10:00:00Z'), 'ΚΚ-2031-999999');
      const wide = await next(s, 'ΚΚ', '2031-06-01T10:00:00Z');
      assert.equal(wide, 'ΚΚ-2031-1000000');
      assert.match(wide, REFERENCE_PATTERN);
    });

    it('gives a stored request the next number of the current year', async () => {
      const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Athens' }).format(new Date());
      await s.db.query(`INSERT INTO reference_counters (prefix, year, last) VALUES ('ΚΚ', $1, 1234566)
        ON CONFLICT (prefix, year) DO UPDATE SET last = 1234566`, [Number(year)]);
      const reference = await submitIntake(s, intakeBody());
      // The year may have turned between the two lines only at New Year's midnight: then it is 000001 of the next.
      assert.ok(reference === `ΚΚ-${year}-1234567` || /^ΚΚ-\d{4}-000001$/.test(reference), reference);
    });
  });

  describe(`references carried over from the old sequences (${backend})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await openTestDatabase(backend);
    });
    after(() => t.drop());

    it('continues after the highest number stored or given, whichever is higher', async () => {
      const all = await loadMigrations();
      const before009 = all.filter((m) => m.id < '009');
      await migrate(t.db, before009);
      const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Athens' }).format(new Date());
      // The old sequence had given 41 numbers; the records of 40 and 41 were since deleted.
      await t.db.query(`SELECT setval('intake_request_number', 41)`);
      await t.db.query(`SELECT setval('referral_number', 7)`);
      await t.db.exec(`INSERT INTO organizations (name, description) VALUES ('Κέντρο', 'Δοκιμή')`);
      await migrate(t.db, all);
      const rows = (await t.db.query<{ prefix: string; year: number; last: number }>('SELECT prefix, year, last::int AS last FROM reference_counters ORDER BY prefix')).rows;
      assert.deepEqual(rows, [{ prefix: 'ΚΚ', year: Number(year), last: 41 }, { prefix: 'ΣΔ', year: Number(year), last: 7 }]);
      const { rows: [seq] } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'intake_request_number'`);
      assert.equal(seq!.n, 0, 'the old sequence is gone');
    });
  });
}
