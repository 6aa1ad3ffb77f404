/**
 * Staff listing of signups: JSON and CSV, filters, the staff token, and CSV cells that a spreadsheet would run as
 * formulas written inert. The CSV writer is shared by every export, so its rules are tested on their own too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { AdminSignupList } from '../../src/contract/volunteering.ts';
import { csvCell, toCsv } from '../../src/server/http/csv.ts';
import { assertCsvName, backends, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.ts';
import { DAY, insertOpportunity, signupBody, signUp } from '../support/volunteering.ts';

describe('CSV cells', () => {
  it('prefix what a spreadsheet would run as a formula with an apostrophe', () => {
    for (const [value, cell] of [['=1+1', "'=1+1"], ['+30 694', "'+30 694"], ['-2', "'-2"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', `"'\rx"`]]) {
      assert.equal(csvCell(value), cell, JSON.stringify(value));
    }
  });

  it('quote commas, quotes, line breaks and edge spaces, and leave numbers and plain text alone', () => {
    assert.equal(csvCell('Τρίτη, "απόγευμα"\nκαι Πέμπτη'), '"Τρίτη, ""απόγευμα""\nκαι Πέμπτη"');
    assert.equal(csvCell(' x'), '" x"');
    assert.equal(csvCell('Καλημέρα'), 'Καλημέρα');
    assert.equal(csvCell(-3), '-3');
    assert.equal(csvCell(undefined), '');
    assert.equal(toCsv(['a', 'b'], [['1', null]]), '\uFEFFa,b\r\n1,\r\n');
  });
});

for (const backend of backends()) {
  describe(`staff listing of volunteer signups (${backend})`, () => {
    let s: TestServer;
    let fixture: { opportunityId: string; shiftIds: string[] };
    const admin = (query = '', token: string | null = TEST_ADMIN_TOKEN) =>
      s.fetch(`/api/admin/volunteering/signups${query}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

    before(async () => {
      s = await startTestServer({ backend, config: { jobsIntervalMs: 0 } });
      fixture = await insertOpportunity(s.db, { minAge: 15, role: 'Γιορτή γειτονιάς', skills: ['Ομαδικότητα', 'Μαγειρική'], shifts: [{ startsIn: 2 * DAY, capacity: 1 }] });
      await signUp(s, signupBody(fixture.opportunityId, fixture.shiftIds, {
        name: '=HYPERLINK("http://evil.example","κλικ")', phone: '+30 694 123 4567', availability: '@SUM(1+1)',
        accessibility: 'Χρειάζομαι ράμπα, "χωρίς" σκαλιά\nκαι ησυχία', skills: ['Μαγειρική', 'Άγνωστη'],
      }));
      await signUp(s, signupBody(fixture.opportunityId, fixture.shiftIds, { name: 'Δεύτερη Στη Σειρά', waitlistIfFull: true }));
      await signUp(s, signupBody(fixture.opportunityId, fixture.shiftIds, {
        name: 'Ανήλικος Εθελοντής', ageBand: '15-17', waitlistIfFull: true, guardian: { name: 'Γονέας', email: 'parent@example.gr', phone: '2431 0 12345' },
      }));
    });
    after(() => s.close());

    it('refuses requests without the staff token (401)', async () => {
      for (const token of [null, 'wrong-token-wrong-token']) {
        const res = await admin('', token);
        assert.equal(res.status, 401);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
      }
      assert.equal((await admin('?format=csv', null)).status, 401);
    });

    it('lists one row per booked shift with the details staff need, and filters by status', async () => {
      const res = await admin(`?opportunityId=${fixture.opportunityId}`);
      assert.equal(res.status, 200);
      const { items } = z.parse(AdminSignupList, await res.json());
      assert.deepEqual(items.map((r) => [r.status, r.position ?? null, r.guardian]), [['confirmed', null, 'not-needed'], ['waitlisted', 1, 'not-needed'], ['waitlisted', 2, 'pending']]);
      assert.deepEqual(items[0]!.skills, ['Μαγειρική'], 'only the opportunity\'s skills are kept');
      assert.equal(items[2]!.guardianEmail, 'parent@example.gr');
      const waiting = z.parse(AdminSignupList, await (await admin('?status=awaiting-guardian')).json()).items;
      assert.deepEqual(waiting.map((r) => r.name), ['Ανήλικος Εθελοντής']);
      const confirmed = z.parse(AdminSignupList, await (await admin('?status=confirmed')).json()).items;
      assert.deepEqual(confirmed.map((r) => r.ageBand), ['21-64']);
      assert.equal((await admin('?status=maybe')).status, 400);
    });

    it('exports CSV as a UTF-8 attachment with formulas made inert', async () => {
      const before = new Date();
      const res = await admin(`?format=csv&opportunityId=${fixture.opportunityId}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      assertCsvName(res, 'volunteer-signups', before);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a BOM');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
      const lines = text.split('\r\n');
      assert.equal(lines[0], 'reference,opportunity,shiftStart,shiftEnd,status,position,guardian,name,email,phone,ageBand,guardianName,guardianEmail,guardianPhone,skills,availability,accessibility,createdAt,shiftId');
      assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""κλικ"")"`), 'the formula is inert and quoted');
      assert.ok(text.includes(",'+30 694 123 4567,"), 'a phone starting with + cannot run');
      assert.ok(text.includes(",'@SUM(1+1),"));
      assert.ok(text.includes('"Χρειάζομαι ράμπα, ""χωρίς"" σκαλιά\nκαι ησυχία"'));
      assert.ok(!/(^|,)[=+\-@]/m.test(text.replace(/"[^"]*(""[^"]*)*"/g, '""')), 'no unquoted cell starts a formula');
      assert.equal(text.trimEnd().split(/\r\n(?=ΕΘ-)/).length, 4, 'a header and three rows');
    });
  });
}
