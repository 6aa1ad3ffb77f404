/**
 * What the intake form is offered (`GET /intake/options`: the seeded needs with their sub-needs, the villages, the
 * languages, the centre's contact and hours in words), and the staff side: the listing as JSON and CSV (formulas
 * made inert), status changes with `closed_at`, the staff token, unknown references. PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PROBLEM_TYPES, type Problem } from '../../src/contract/common.ts';
import { AdminIntakeList, IntakeOptions } from '../../src/contract/intake.ts';
import { hoursInWords } from '../../src/server/intake/hours-words.ts';
import { seedId } from '../../src/server/seed/ids.ts';
import { assertCsvName, backends, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.ts';
import { adminHeaders, intakeBody, NEED, storedIntake, submitIntake } from '../support/intake.ts';

const options = async (s: TestServer) => {
  const res = await s.fetch('/api/intake/options');
  assert.equal(res.status, 200);
  return z.parse(IntakeOptions, await res.json());
};

describe('opening hours in Greek words', () => {
  const weekly = (byday: string, opens: string, closes: string) => ({ freq: 'WEEKLY' as const, byday, opens_at: `${opens}:00`, closes_at: `${closes}:00`, description: null });
  it('read a run of days as a range, other days as a list, and a day named again with "και"', () => {
    assert.equal(hoursInWords([weekly('MO,TU,WE,TH,FR', '08:00', '15:00'), weekly('WE', '17:00', '19:00')]), 'Δευτέρα–Παρασκευή 08:00–15:00, Τετάρτη και 17:00–19:00');
    assert.equal(hoursInWords([weekly('TH,MO,TU', '09:00', '14:00')]), 'Δευτέρα, Τρίτη και Πέμπτη 09:00–14:00');
    assert.equal(hoursInWords([weekly('SA', '10:00', '12:00')]), 'Σάββατο 10:00–12:00');
  });
  it('keep a monthly visit\'s own description, and say nothing when there are no hours', () => {
    assert.equal(hoursInWords([{ freq: 'MONTHLY', byday: 'TU', opens_at: '09:00:00', closes_at: '13:00:00', description: 'Πρώτη Τρίτη κάθε μήνα, 09:00–13:00' }]), 'Πρώτη Τρίτη κάθε μήνα, 09:00–13:00');
    assert.equal(hoursInWords([]), undefined);
  });
});

for (const backend of backends()) {
  describe(`intake options (${backend})`, () => {
    let s: TestServer;
    let empty: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0, intakeReplyDays: 5 } });
      empty = await startTestServer({ backend, config: { jobsIntervalMs: 0 } });
    });
    after(async () => {
      await s.close();
      await empty.close();
    });

    it('offer the seeded needs in order, each with its sub-needs', async () => {
      const { needs } = await options(s);
      assert.deepEqual(needs.map((n) => n.code), ['benefits', 'housing', 'employment', 'psychosocial', 'children', 'health', 'legal', 'volunteering', 'information', 'community']);
      const benefits = needs[0]!;
      assert.equal(benefits.id, NEED.benefits);
      assert.equal(benefits.name, 'Οικονομική ενίσχυση και επιδόματα');
      assert.ok(benefits.description);
      assert.deepEqual(benefits.children?.map((c) => [c.id, c.name]), [
        [NEED.gmi, 'Ελάχιστο Εγγυημένο Εισόδημα (ΚΕΑ)'],
        [seedId('need:benefits:allowances'), 'Επιδόματα'],
        [seedId('need:benefits:in-kind'), 'Τρόφιμα και είδη πρώτης ανάγκης'],
      ]);
      assert.equal(needs[1]!.children, undefined, 'a need without sub-needs has no children list');
      assert.ok(!JSON.stringify(needs).includes('Ρομά'), 'target groups are not needs');
    });

    it('offer the centre\'s places and languages, and tell its contact, hours and reply time', async () => {
      const o = await options(s);
      assert.deepEqual(o.areas, ['Αίγειρος', 'Καστανιά', 'Λιθοχώρι', 'Μηλιά', 'Πλάτανος', 'Ροδιά']);
      assert.equal(o.languages[0], 'el', 'every service is offered in Greek');
      assert.deepEqual([...o.languages].sort(), ['ar', 'el', 'en', 'fa', 'rom', 'sq']);
      assert.deepEqual(o.centre, {
        name: 'Κέντρο Κοινότητας Δήμου Αιγείρου',
        address: 'Ασκληπιού 12, 421 50 Αίγειρος',
        phone: '+30 24310 55100',
        email: 'kentrokoinotitas@aigeiros.gov.gr',
        hours: 'Δευτέρα–Παρασκευή 08:00–15:00, Τετάρτη και 17:00–19:00',
        replyWithinDays: 5,
      });
    });

    it('still answer with an empty directory, replying within the default 3 days', async () => {
      const o = await options(empty);
      assert.deepEqual(o, { needs: [], areas: [], languages: [], centre: { name: 'Κέντρο Κοινότητας', replyWithinDays: 3 } });
    });
  });

  describe(`staff intake listing (${backend})`, () => {
    let s: TestServer;
    let first: string;
    let second: string;
    const admin = (query = '', token: string | null = TEST_ADMIN_TOKEN) =>
      s.fetch(`/api/admin/intake/requests${query}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    const patch = (reference: string, body: unknown, headers: Record<string, string> = adminHeaders) =>
      s.fetch(`/api/admin/intake/requests/${encodeURIComponent(reference)}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0 } });
      first = await submitIntake(s, intakeBody({
        needs: [NEED.gmi, NEED.housing], serviceId: seedId('svc:kea'),
        description: '=HYPERLINK("http://evil.example","κλικ")',
        contact: { methods: ['phone', 'email'], phone: '+30 694 123 4567', email: 'eleni@example.gr', days: ['tue'], times: ['morning', 'afternoon'], consent: true },
        accessibility: 'Χρειάζομαι ράμπα, "χωρίς" σκαλιά\nκαι ησυχία',
        facts: { roma: 'yes', consent: true },
      }));
      second = await submitIntake(s, intakeBody({ about: { anonymous: true, ageBand: 'prefer-not' }, description: '@SUM(1+1)', needs: [] }));
    });
    after(() => s.close());

    it('refuses requests without the staff token (401)', async () => {
      for (const token of [null, 'wrong-token-wrong-token']) {
        const res = await admin('', token);
        assert.equal(res.status, 401);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
      }
      assert.equal((await admin('?format=csv', null)).status, 401);
      assert.equal((await patch(first, { status: 'closed' }, {})).status, 401);
      assert.equal((await storedIntake(s.db, first))?.status, 'new');
    });

    it('lists requests newest first with the needs\' names, the programme and the forwarding state', async () => {
      const { items } = z.parse(AdminIntakeList, await (await admin()).json());
      assert.deepEqual(items.map((r) => r.reference), [second, first]);
      const [anon, named] = items as [z.infer<typeof AdminIntakeList>['items'][number], z.infer<typeof AdminIntakeList>['items'][number]];
      assert.deepEqual(named.needs, ['Ελάχιστο Εγγυημένο Εισόδημα (ΚΕΑ)', 'Στέγαση']);
      assert.equal(named.service, 'Αιτήσεις για το Ελάχιστο Εγγυημένο Εισόδημα και άλλα επιδόματα', 'the programme\'s name, not its id');
      assert.equal(named.name, 'Ελένη Παπαδοπούλου');
      assert.deepEqual(named.facts, { roma: 'yes' });
      assert.deepEqual([named.forwarded, named.status, named.language, named.interpreter], ['not-configured', 'new', 'el', false]);
      assert.deepEqual([anon.anonymous, anon.name, anon.needs], [true, undefined, []]);
    });

    it('exports CSV as a UTF-8 attachment with formulas made inert', async () => {
      const before = new Date();
      const res = await admin('?format=csv');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      assertCsvName(res, 'intake-requests', before);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a BOM');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
      assert.equal(text.split('\r\n')[0], 'reference,status,createdAt,needs,description,service,anonymous,name,ageBand,area,methods,phone,email,days,times,language,interpreter,accessibility,facts,forwarded');
      assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""κλικ"")"`), 'the formula is inert and quoted');
      assert.ok(text.includes(",'@SUM(1+1),"));
      assert.ok(text.includes(",'+30 694 123 4567,"), 'a phone starting with + cannot run');
      assert.ok(text.includes(',Ελάχιστο Εγγυημένο Εισόδημα (ΚΕΑ); Στέγαση,'), 'needs joined');
      assert.ok(text.includes(',phone; email,') && text.includes(',morning; afternoon,') && text.includes(',roma: yes,'));
      assert.ok(text.includes('"Χρειάζομαι ράμπα, ""χωρίς"" σκαλιά\nκαι ησυχία"'));
      assert.ok(!/(^|,)[=+\-@]/m.test(text.replace(/"[^"]*(""[^"]*)*"/g, '""')), 'no unquoted cell starts a formula');
      assert.equal(text.trimEnd().split(/\r\n(?=ΚΚ-)/).length, 3, 'a header and two rows');
    });

    it('moves a request through its statuses, with closed_at only while closed, and filters by status', async () => {
      const step = async (status: string) => {
        const res = await patch(first, { status });
        assert.equal(res.status, 200);
        assert.deepEqual(await res.json(), { reference: first, status });
        return storedIntake(s.db, first);
      };
      assert.equal((await step('in-progress'))?.closed_at, null);
      const closed = await step('closed');
      assert.ok(closed?.closed_at instanceof Date);
      assert.equal((await step('closed'))?.closed_at?.getTime(), closed.closed_at.getTime(), 'closing again keeps when it was closed');
      const byStatus = async (status: string) => z.parse(AdminIntakeList, await (await admin(`?status=${status}`)).json()).items.map((r) => r.reference);
      assert.deepEqual(await byStatus('closed'), [first]);
      assert.deepEqual(await byStatus('new'), [second]);
      assert.equal((await step('new'))?.closed_at, null, 'reopened');
      assert.equal((await admin('?status=done')).status, 400);
    });

    it('answers 404 for an unknown reference and 400 for a malformed one or an unknown status', async () => {
      const unknown = await patch('ΚΚ-2020-999999', { status: 'closed' });
      assert.equal(unknown.status, 404);
      assert.equal(((await unknown.json()) as Problem).type, PROBLEM_TYPES.notFound);
      assert.equal((await patch('not-a-reference', { status: 'closed' })).status, 400);
      const bad = await patch(second, { status: 'archived' });
      assert.equal(bad.status, 400);
      assert.deepEqual(((await bad.json()) as Problem).errors?.map((e) => [e.path.join('.'), e.code]), [['status', 'choice']]);
    });
  });
}
