/**
 * The NUL character (U+0000), which PostgreSQL cannot store in text or jsonb: anywhere in a body or a query it is a
 * 400 validation problem at its path, in a path id a 404 like any id that matches nothing; never a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { intakeBody, intakeCount, postIntake } from '../support/intake.ts';
import { patchReferral, referralBody, submitReferral } from '../support/referral.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';

interface Problem { status: number; type: string; errors?: { path: (string | number)[]; code: string }[] }

for (const backend of backends()) {
  describe(`NUL characters (${backend})`, () => {
    let s: TestServer;
    before(async () => { s = await startTestServer({ backend, seed: true }); });
    after(() => s.close());

    it('in an intake request\'s own words: 400 at that path, nothing stored', async () => {
      const before = await intakeCount(s.db);
      const res = await postIntake(s, intakeBody({ description: 'Χρειάζομαι βοήθεια\u0000<script>' }));
      assert.equal(res.status, 400);
      const problem = await res.json() as Problem;
      assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [[['description'], 'invalid']]);
      assert.equal(await intakeCount(s.db), before);
    });

    it('in a nested answer and in a key', async () => {
      const res = await postIntake(s, { ...intakeBody(), about: { anonymous: true, ['x\u0000']: 1 }, accessibility: ['a', 'b\u0000'] });
      assert.equal(res.status, 400);
      const paths = ((await res.json()) as Problem).errors?.map((e) => e.path.join('.'));
      assert.deepEqual(paths?.sort(), ['about.x\u0000', 'accessibility.1'].sort());
    });

    it('at the bottom of a body nested 200,000 deep: still a 400, never a 500', async () => {
      let deep = '"x\\u0000"';
      for (let i = 0; i < 200_000; i++) deep = `{"a":${deep}}`;
      const res = await s.fetch('/api/intake/requests', {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: deep,
      });
      assert.ok(res.status === 400 || res.status === 413, `status ${res.status}`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    });

    it('in a referral status note from staff', async () => {
      const created = await submitReferral(s, referralBody());
      const res = await patchReferral(s, created.reference, { status: 'on-hold', note: '\u0000<script>alert(1)</script>' });
      assert.equal(res.status, 400);
      assert.deepEqual(((await res.json()) as Problem).errors?.map((e) => e.path), [['note']]);
      const ok = await patchReferral(s, created.reference, { status: 'on-hold', note: 'Waiting for the parents.' });
      assert.equal(ok.status, 200);
    });

    it('in a search query (400) and in path ids (no 5xx)', async () => {
      const search = await fetch(`${s.url}/api/hsds/services?search=%00παιδιά`);
      assert.equal(search.status, 400);
      assert.deepEqual(((await search.json()) as Problem).errors?.map((e) => e.path), [['search']]);
      for (const path of ['/api/volunteering/signups/abc%00def', '/api/hsds/services/%00', '/api/referrals/%00/status']) {
        const id = await fetch(`${s.url}${path}`, { headers: { Authorization: 'Bearer 0000-0000-0000-0000' } });
        assert.ok([400, 401, 404].includes(id.status), `${path}: ${id.status}`);
        assert.equal(id.headers.get('content-type'), 'application/problem+json');
      }
    });
  });
}
