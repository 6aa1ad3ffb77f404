/** Database layer on both engines: migrations, Greek folding, value types, transactions, seed data. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrate, loadMigrations } from '../../src/server/db/migrate.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import { seedDatabase, SEED_MARKER, seedId } from '../../src/server/seed/index.ts';
import { PROGRAMMES } from '../../src/server/seed/programmes.ts';
import { VILLAGES } from '../../src/server/seed/organization.ts';
import { backends, openTestDatabase, type TestDatabase } from '../support/server.ts';

const count = async (t: TestDatabase, sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM (${sql}) q`, params)).rows[0]!.n;

for (const backend of backends()) {
  describe(`database (${backend})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await openTestDatabase(backend);
    });
    after(() => t.drop());

    it('applies every migration once, and nothing when run again', async () => {
      const all = (await loadMigrations()).map((m) => m.id);
      assert.ok(all.length >= 1 && all[0] === '001_foundation');
      assert.deepEqual(await migrate(t.db), all);
      assert.deepEqual(await migrate(t.db), []);
      const { rows } = await t.db.query<{ id: string }>('SELECT id FROM kentro_migrations ORDER BY id');
      assert.deepEqual(rows.map((r) => r.id), all);
    });

    it('lets several servers migrate at once (advisory lock)', { skip: backend === 'pglite' && 'one PGlite has one connection' }, async () => {
      const fresh = await openTestDatabase(backend);
      const pools = await Promise.all([1, 2, 3].map(() => openPostgres(fresh.url!, { poolSize: 2 })));
      try {
        const applied = await Promise.all(pools.map((db) => migrate(db)));
        assert.equal(applied.filter((a) => a.length > 0).length, 1, 'exactly one server applied the migrations');
      } finally {
        await Promise.all(pools.map((db) => db.close()));
        await fresh.drop();
      }
    });

    it('rolls back a migration that fails, leaving nothing half-applied', async () => {
      const broken = [{ id: '998_ok_part', sql: 'CREATE TABLE half_done (id int)' }, { id: '999_broken', sql: 'SELECT no_such_function()' }];
      await assert.rejects(migrate(t.db, broken));
      assert.equal(await count(t, `SELECT 1 FROM kentro_migrations WHERE id LIKE '99%'`), 0);
      assert.equal(await count(t, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`), 0);
    });

    it('folds Greek accents, case and final sigma with kentro_fold', async () => {
      const { rows } = await t.db.query<{ a: string; b: string; c: string }>(
        `SELECT kentro_fold('ΓΟΝΕΊΣ παιδιά') AS a, kentro_fold('Ψυχοκοινωνική ΥΠΟΣΤΉΡΙΞΗ οικογένειας') AS b, kentro_fold('Ϊ ϋ ΐ') AS c`,
      );
      assert.equal(rows[0]!.a, 'γονεισ παιδια');
      assert.equal(rows[0]!.b, 'ψυχοκοινωνικη υποστηριξη οικογενειασ');
      assert.equal(rows[0]!.c, 'ι υ ι');
    });

    it('returns the same value types on both engines', async () => {
      const { rows } = await t.db.query<Record<string, unknown>>(
        `SELECT count(*) AS n, 2::int8 AS big, 1.50::numeric(4,2) AS num, '2026-03-05'::date AS d, '2026-03-05 09:30'::timestamp AS ts,
                '2026-03-05 09:30+02'::timestamptz AS tz, '09:00'::time AS t, ARRAY['a','b'] AS arr, '{"x":1}'::jsonb AS j, gen_random_uuid() AS id`,
      );
      const r = rows[0]!;
      assert.equal(r.n, 1);
      assert.equal(r.big, 2);
      assert.equal(r.num, '1.50');
      assert.equal(r.d, '2026-03-05');
      assert.equal(r.ts, '2026-03-05 09:30:00');
      assert.ok(r.tz instanceof Date && r.tz.toISOString() === '2026-03-05T07:30:00.000Z');
      assert.equal(r.t, '09:00:00');
      assert.deepEqual(r.arr, ['a', 'b']);
      assert.deepEqual(r.j, { x: 1 });
      assert.match(String(r.id), /^[0-9a-f-]{36}$/);
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      await t.db.exec('CREATE TABLE tx_probe (v int)');
      await t.db.transaction(async (tx) => tx.query('INSERT INTO tx_probe VALUES (1)'));
      await assert.rejects(t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (2)');
        throw new Error('nope');
      }), /nope/);
      const { rows } = await t.db.query<{ v: number }>('SELECT v FROM tx_probe');
      assert.deepEqual(rows.map((r) => r.v), [1]);
    });

    it('enforces shift capacity in the database', async () => {
      await seedDatabase(t.db, { timeZone: 'Europe/Athens' });
      const shift = seedId('vol:homework#0');
      const fill = () => t.db.query('UPDATE volunteer_shifts SET filled = filled + 1 WHERE id = $1', [shift]);
      await fill(); // 2 of 4 → 3 of 4
      await fill(); // → 4 of 4
      await assert.rejects(fill(), /check constraint|violates/i);
      await assert.rejects(t.db.query(`UPDATE volunteer_shifts SET capacity = 0 WHERE id = $1`, [shift]), /check constraint|violates/i);
    });

    describe('seed', () => {
      it('loads once: a second run changes nothing', async () => {
        // Seeded by the previous test; the marker keeps a second run out.
        assert.equal(await seedDatabase(t.db, { timeZone: 'Europe/Athens' }), false);
        assert.equal(await count(t, 'SELECT 1 FROM organizations'), 1);
        const { rows } = await t.db.query<{ value: string }>('SELECT value FROM kentro_settings WHERE key = $1', [SEED_MARKER]);
        assert.equal(rows[0]?.value, '1');
      });

      it('has the centre, its Roma branch and 4–6 mobile-unit villages with monthly days', async () => {
        assert.equal(await count(t, `SELECT 1 FROM locations WHERE kind = 'centre'`), 1);
        assert.equal(await count(t, `SELECT 1 FROM locations WHERE kind = 'branch' AND name LIKE '%Ρομά%'`), 1);
        const villages = await count(t, `SELECT 1 FROM locations WHERE kind = 'mobile-stop'`);
        assert.ok(villages >= 4 && villages <= 6);
        assert.equal(villages, VILLAGES.length);
        const monthly = await t.db.query<{ byday: string; bysetpos: number; opens_at: string; closes_at: string }>(
          `SELECT s.byday, s.bysetpos, s.opens_at, s.closes_at FROM schedules s
             JOIN service_at_locations sal ON sal.id = s.service_at_location_id
             JOIN locations l ON l.id = sal.location_id WHERE l.kind = 'mobile-stop'`,
        );
        assert.equal(monthly.rows.length, villages);
        for (const r of monthly.rows) {
          assert.ok(r.bysetpos >= 1 && r.bysetpos <= 4);
          assert.equal(r.opens_at, '09:00:00');
          assert.equal(r.closes_at, '13:00:00');
        }
      });

      it('has about twelve programmes, each complete, searchable without accents', async () => {
        const n = await count(t, 'SELECT 1 FROM services');
        assert.equal(n, PROGRAMMES.length);
        assert.ok(n >= 12);
        assert.equal(await count(t, `SELECT 1 FROM services WHERE length(description) < 150 OR eligibility IS NULL OR application_process IS NULL OR NOT free OR cardinality(languages) = 0`), 0);
        assert.equal(await count(t, 'SELECT 1 FROM services s WHERE NOT EXISTS (SELECT 1 FROM service_at_locations x WHERE x.service_id = s.id)'), 0);
        const { rows } = await t.db.query<{ name: string }>(`SELECT name FROM services WHERE search_folded LIKE '%' || kentro_fold($1) || '%'`, ['ΣΧΟΛΙΚΗΣ ΔΙΑΡΡΟΗΣ']);
        assert.deepEqual(rows.map((r) => r.name), ['Δίκτυο κατά της σχολικής διαρροής']);
      });

      it('has upcoming events, weekly and monthly series, one cancelled, one postponed and one moved online', async () => {
        assert.ok(await count(t, `SELECT 1 FROM events WHERE starts_at > now() AND rrule IS NULL AND status = 'scheduled'`) >= 4);
        assert.ok(await count(t, `SELECT 1 FROM events WHERE rrule LIKE 'FREQ=WEEKLY%' AND category = 'children'`) >= 1);
        assert.equal(await count(t, `SELECT 1 FROM events WHERE rrule LIKE 'FREQ=MONTHLY%' AND category = 'mobile-unit'`), VILLAGES.length);
        for (const status of ['cancelled', 'postponed', 'moved-online']) {
          assert.equal(await count(t, `SELECT 1 FROM events WHERE status = $1 AND status_note IS NOT NULL AND starts_at > now()`, [status]), 1, status);
        }
        // Wall-clock times are the centre's: the children's workshop starts at 17:00 in Athens.
        const { rows } = await t.db.query<{ local: string }>(
          `SELECT to_char(starts_at AT TIME ZONE 'Europe/Athens', 'HH24:MI') AS local FROM events WHERE id = $1`, [seedId('evt:children-workshop')],
        );
        assert.equal(rows[0]?.local, '17:00');
      });

      it('has volunteer opportunities with upcoming shifts, one nearly full', async () => {
        assert.ok(await count(t, 'SELECT 1 FROM volunteer_opportunities') >= 4);
        assert.equal(await count(t, 'SELECT 1 FROM volunteer_opportunities o WHERE NOT EXISTS (SELECT 1 FROM volunteer_shifts s WHERE s.opportunity_id = o.id AND s.starts_at > now())'), 0);
        assert.ok(await count(t, 'SELECT 1 FROM volunteer_shifts WHERE capacity - filled = 1') >= 1);
      });
    });
  });
}
