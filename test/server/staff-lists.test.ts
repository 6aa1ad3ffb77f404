/**
 * Staff lists paged by keyset (`limit`, `after` = the `next` of the page before) and CSV exports streamed a batch at
 * a time: every row once, in order, across pages; a cursor that is not the list's is a 400 at `after`; a 100,000-row
 * export downloads whole while the server's memory stays flat. PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PROBLEM_TYPES, type Problem } from '../../src/contract/common.ts';
import { postReferral, referralBody } from '../support/referral.ts';
import { backends, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.ts';
import { DAY, insertOpportunity, signUp, signupBody } from '../support/volunteering.ts';

const staff = { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } };

/** Inserts `count` intake requests at once, one a second apart (newest last), with references ΣΤ-… of their own. */
async function insertIntake(s: TestServer, count: number, tag: string) {
  await s.db.query(
    `INSERT INTO intake_requests (reference, description, anonymous, age_band, methods, language, created_at)
     SELECT 'ΚΚ-1999-' || lpad(($3::int + n)::text, 6, '0'), $1 || ' ' || n || ' ' || repeat('Χρειάζομαι βοήθεια. ', 5), true, 'prefer-not', ARRAY['visit'], 'el',
            timestamptz '2020-01-01 00:00:00+00' + make_interval(secs => n)
       FROM generate_series(1, $2::int) AS n`,
    [tag, count, 0],
  );
}

async function walk(s: TestServer, path: string, limit: number) {
  const pages: { reference: string }[][] = [];
  let next: string | undefined;
  do {
    const res = await s.fetch(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}${next ? `&after=${next}` : ''}`, staff);
    assert.equal(res.status, 200);
    const page = (await res.json()) as { items: { reference: string }[]; next?: string };
    pages.push(page.items);
    next = page.next;
  } while (next);
  return pages;
}

for (const backend of backends()) {
  describe(`staff lists (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { minFillMs: 0 } });
    });
    after(() => s.close());

    it('pages intake requests newest first, each once, with no `next` on the last page', async () => {
      await insertIntake(s, 250, 'paged');
      const pages = await walk(s, '/api/admin/intake/requests', 100);
      assert.deepEqual(pages.map((p) => p.length), [100, 100, 50]);
      const refs = pages.flat().map((r) => r.reference);
      assert.equal(new Set(refs).size, 250);
      assert.deepEqual(refs, [...refs].sort().reverse(), 'newest first (created a second apart in reference order)');
      const first = (await (await s.fetch('/api/admin/intake/requests', staff)).json()) as { items: unknown[]; next?: string };
      assert.equal(first.items.length, 100, 'a page holds 100 rows unless told otherwise');
      assert.ok(first.next);
    });

    it('refuses a cursor that is not one the list gave, and a limit over 1000', async () => {
      for (const bad of ['nonsense', Buffer.from('["x"]').toString('base64url'), Buffer.from('["2020-01-01 00:00:00+00","x","y"]').toString('base64url')]) {
        const res = await s.fetch(`/api/admin/intake/requests?after=${bad}`, staff);
        assert.equal(res.status, 400, bad);
        const problem = (await res.json()) as Problem;
        assert.equal(problem.type, PROBLEM_TYPES.validation);
        assert.deepEqual(problem.errors?.map((e) => e.path), [['after']]);
      }
      assert.equal((await s.fetch('/api/admin/intake/requests?limit=1001', staff)).status, 400);
      // A referrals cursor on the signups list has the wrong shape.
      const referralCursor = Buffer.from('["2020-01-01 00:00:00+00","ΣΔ-2020-000001"]').toString('base64url');
      assert.equal((await s.fetch(`/api/admin/volunteering/signups?after=${referralCursor}`, staff)).status, 400);
    });

    it('pages referrals and signups the same way', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await postReferral(s, referralBody())).status, 201);
      const referrals = await walk(s, '/api/admin/referrals', 1);
      assert.ok(referrals.length >= 3 && referrals.every((p) => p.length === 1));
      assert.equal(new Set(referrals.flat().map((r) => r.reference)).size, referrals.length);

      const { opportunityId, shiftIds } = await insertOpportunity(s.db, { shifts: [{ startsIn: 3 * DAY, capacity: 2 }] });
      for (let i = 0; i < 4; i++) await signUp(s, signupBody(opportunityId, shiftIds, { waitlistIfFull: true }));
      const roster = await walk(s, `/api/admin/volunteering/signups?opportunityId=${opportunityId}`, 3);
      assert.deepEqual(roster.map((p) => p.length), [3, 1]);
      const all = (await (await s.fetch(`/api/admin/volunteering/signups?opportunityId=${opportunityId}`, staff)).json()) as { items: { reference: string; status: string }[] };
      assert.deepEqual(roster.flat().map((r) => r.reference), all.items.map((r) => r.reference), 'pages in the roster order');
      assert.deepEqual(all.items.map((r) => r.status), ['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    });

    it('streams a 100,000-row CSV export whole while the server holds one batch at a time', async () => {
      await s.db.query('DELETE FROM intake_requests');
      await insertIntake(s, 100_000, 'exported');
      // The live heap (after a collection), sampled while the file downloads: garbage between collections is noise.
      const gc = (globalThis as { gc?: () => void }).gc;
      assert.ok(gc, 'run with --expose-gc (npm run test:server does)');
      gc();
      const baseline = process.memoryUsage().heapUsed;
      let peak = baseline;
      const sampler = setInterval(() => {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }, 100);
      const res = await s.fetch('/api/admin/intake/requests?format=csv', staff);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      let bytes = 0;
      let lines = 0;
      let last = '';
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        const text = last + decoder.decode(chunk, { stream: true });
        const parts = text.split('\r\n');
        last = parts.pop()!;
        lines += parts.length;
      }
      clearInterval(sampler);
      const growth = peak - baseline;
      console.log(`staff lists (${backend}): 100,000-row CSV, ${(bytes / 1e6).toFixed(1)} MB streamed; live heap grew at most ${(growth / 1e6).toFixed(1)} MB`);
      assert.equal(lines, 100_001, 'the header and every row');
      // Built whole, the file would be on the heap as a string beside 100,000 row objects: several times its size.
      assert.ok(growth < bytes / 4, `live heap grew ${(growth / 1e6).toFixed(1)} MB for a ${(bytes / 1e6).toFixed(1)} MB file`);
    });
  });
}
