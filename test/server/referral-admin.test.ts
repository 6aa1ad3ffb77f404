/**
 * The staff side of referrals: the lifecycle requested → accepted → in progress → completed, transitions outside
 * REFERRAL_TRANSITIONS refused with 409 naming the allowed ones, a rejection only with a note, each change added to
 * the history and emailed to the referrer (status and note, no pupil data), the staff token, unknown references,
 * and the listing as JSON and CSV with formulas made inert. PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PROBLEM_TYPES, type Problem } from '../../src/contract/common.ts';
import { AdminReferralList, REFERRAL_STATUSES, REFERRAL_TRANSITIONS, ReferralStatusView, type ReferralStatus } from '../../src/contract/referral.ts';
import { listOutbox } from '../../src/server/mail/outbox.ts';
import { statusWord } from '../../src/server/referrals/mail-texts.ts';
import { assertCsvName, backends, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.ts';
import { patchReferral, personalValues, PROGRAMME, referralBody, storedHistory, submitReferral } from '../support/referral.ts';

async function problemOf(res: Response) {
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  return (await res.json()) as Problem;
}

for (const backend of backends()) {
  describe(`staff changing a referral's status (${backend})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0 } });
    });
    after(() => s.close());

    /** Changes the status and expects 200; returns the view. */
    async function move(reference: string, status: ReferralStatus, note?: string) {
      const res = await patchReferral(s, reference, { status, ...(note ? { note } : {}) });
      assert.equal(res.status, 200, `${status}: ${JSON.stringify(await res.clone().json())}`);
      return z.parse(ReferralStatusView, await res.json());
    }

    it('moves a referral through its lifecycle, each change added to the history', async () => {
      const { reference } = await submitReferral(s, referralBody());
      await move(reference, 'accepted', 'Θα επικοινωνήσουμε με την οικογένεια.');
      await move(reference, 'in-progress');
      const view = await move(reference, 'completed', 'Ο μαθητής πηγαίνει κανονικά στο σχολείο.');
      assert.equal(view.status, 'completed');
      assert.deepEqual(view.history.map((h) => [h.status, h.note]), [
        ['requested', undefined],
        ['accepted', 'Θα επικοινωνήσουμε με την οικογένεια.'],
        ['in-progress', undefined],
        ['completed', 'Ο μαθητής πηγαίνει κανονικά στο σχολείο.'],
      ]);
      assert.deepEqual((await storedHistory(s.db, reference)).map((h) => h.status), ['requested', 'accepted', 'in-progress', 'completed']);
    });

    it('emails the referrer each change in their language, with the status and the note, and no pupil data', async () => {
      const body = referralBody({ locale: 'ar' });
      const { reference, statusToken } = await submitReferral(s, body);
      await move(reference, 'on-hold', 'ننتظر موافقة الأسرة.');
      await move(reference, 'accepted');
      const mail = await listOutbox(s.db, { to: body.referrer.email });
      assert.deepEqual(mail.map((m) => m.kind), ['referral.received', 'referral.status-changed', 'referral.status-changed']);
      const [, onHold, accepted] = mail;
      assert.equal(onHold!.subject, `الإحالة ${reference}: ${statusWord('ar', 'on-hold')}`);
      assert.ok(onHold!.text.includes(`الحالة: ${statusWord('ar', 'on-hold')}`));
      assert.ok(onHold!.text.includes('ملاحظة من المركز:\nننتظر موافقة الأسرة.'));
      assert.ok(accepted!.text.includes(`الحالة: ${statusWord('ar', 'accepted')}`) && !accepted!.text.includes('ملاحظة من المركز'));
      const { rows } = await s.db.query<{ html_body: string }>('SELECT html_body FROM mail_outbox WHERE to_address = $1', [body.referrer.email]);
      assert.ok(rows.every((r) => r.html_body.includes('lang="ar" dir="rtl"')));
      const everything = [...mail.map((m) => `${m.subject}\n${m.text}`), ...rows.map((r) => r.html_body)].join('\n');
      assert.ok(!everything.includes(statusToken));
      for (const value of personalValues(body).filter((v) => v !== body.referrer.name && v !== body.referrer.email)) {
        assert.ok(!everything.includes(value), `no message contains "${value}"`);
      }
    });

    it('refuses transitions the lifecycle does not allow with 409 naming the allowed ones, changing nothing', async () => {
      const cases: [ReferralStatus[], ReferralStatus][] = [
        [[], 'completed'],
        [[], 'requested'],
        [[], 'in-progress'],
        [['accepted'], 'accepted'],
        [['accepted', 'in-progress', 'completed'], 'cancelled'],
        [['accepted', 'in-progress', 'completed'], 'in-progress'],
        [['rejected'], 'accepted'],
        [['cancelled'], 'requested'],
      ];
      for (const [path, refused] of cases) {
        const body = referralBody();
        const { reference } = await submitReferral(s, body);
        for (const status of path) await move(reference, status, 'Σημείωμα για το σχολείο.');
        const current = path.at(-1) ?? 'requested';
        const mailBefore = (await listOutbox(s.db, { to: body.referrer.email })).length;
        const res = await patchReferral(s, reference, { status: refused, note: 'Σημείωμα' });
        assert.equal(res.status, 409, `${current} → ${refused}`);
        const p = await problemOf(res);
        assert.equal(p.type, PROBLEM_TYPES.conflict);
        assert.deepEqual(p.allowed, REFERRAL_TRANSITIONS[current]);
        assert.equal(p.status, 409);
        assert.equal(p.current, current);
        for (const next of REFERRAL_TRANSITIONS[current]) assert.ok(p.detail?.includes(next), `${p.detail} names ${next}`);
        assert.equal((await storedHistory(s.db, reference)).length, path.length + 1, 'no history added');
        assert.equal((await listOutbox(s.db, { to: body.referrer.email })).length, mailBefore, 'no email');
      }
    });

    it('lets nothing leave a final status', async () => {
      for (const final of REFERRAL_STATUSES.filter((st) => REFERRAL_TRANSITIONS[st].length === 0)) {
        const { reference } = await submitReferral(s, referralBody());
        const path: ReferralStatus[] = final === 'completed' ? ['accepted', 'in-progress', 'completed'] : [final];
        for (const status of path) await move(reference, status, 'Σημείωμα για το σχολείο.');
        for (const next of REFERRAL_STATUSES) assert.equal((await patchReferral(s, reference, { status: next, note: 'x' })).status, 409, `${final} → ${next}`);
      }
    });

    it('needs a note to reject, answered 400 at ["note"]', async () => {
      const { reference } = await submitReferral(s, referralBody());
      for (const body of [{ status: 'rejected' }, { status: 'rejected', note: '   ' }]) {
        const res = await patchReferral(s, reference, body);
        assert.equal(res.status, 400);
        const p = await problemOf(res);
        assert.equal(p.type, PROBLEM_TYPES.validation);
        assert.deepEqual(p.errors?.map((e) => [e.path, e.code]), [[['note'], 'required']]);
      }
      const view = await move(reference, 'rejected', 'Ο μαθητής παρακολουθείται ήδη από την Κοινωνική Υπηρεσία.');
      assert.deepEqual(view.history.at(-1), { status: 'rejected', at: view.history.at(-1)!.at, note: 'Ο μαθητής παρακολουθείται ήδη από την Κοινωνική Υπηρεσία.' });
    });

    it('answers 404 for an unknown reference and 400 for an unknown status', async () => {
      const unknown = await patchReferral(s, 'ΣΔ-2026-999999', { status: 'accepted' });
      assert.equal(unknown.status, 404);
      assert.equal((await problemOf(unknown)).type, PROBLEM_TYPES.notFound);
      const { reference } = await submitReferral(s, referralBody());
      const junk = await patchReferral(s, reference, { status: 'archived' });
      assert.equal(junk.status, 400);
      assert.deepEqual((await problemOf(junk)).errors?.map((e) => [e.path.join('.'), e.code]), [['status', 'choice']]);
    });

    it('refuses staff requests without the staff token (401), changing nothing', async () => {
      const { reference } = await submitReferral(s, referralBody());
      for (const headers of [{}, { Authorization: 'Bearer wrong-token-wrong-token' }] as Record<string, string>[]) {
        const res = await patchReferral(s, reference, { status: 'accepted' }, headers);
        assert.equal(res.status, 401);
        assert.equal((await problemOf(res)).type, PROBLEM_TYPES.unauthorized);
      }
      assert.equal((await s.fetch('/api/admin/referrals')).status, 401);
      assert.equal((await s.fetch('/api/admin/referrals?format=csv')).status, 401);
      assert.deepEqual((await storedHistory(s.db, reference)).map((h) => h.status), ['requested']);
    });
  });

  describe(`staff referral listing (${backend})`, () => {
    let s: TestServer;
    let first: string;
    let second: string;
    const admin = (query = '') => s.fetch(`/api/admin/referrals${query}`, { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });

    before(async () => {
      s = await startTestServer({ backend, seed: true, config: { jobsIntervalMs: 0 } });
      ({ reference: first } = await submitReferral(s, referralBody({
        referrer: { name: 'Μαρία Οικονόμου', role: 'head', school: '=HYPERLINK("http://evil.example","κλικ")', email: 'head@sch.gr', phone: '+30 2431 012345' },
        indicators: { absencePercent: 55, behaviourIncidents: 0, performance: 'failing', tried: '@SUM(1+1)', otherFactors: 'Μένει με τη γιαγιά, "μακριά"\nαπό το σχολείο' },
        support: { serviceIds: [PROGRAMME.dropout, PROGRAMME.learning], urgency: 'urgent', urgencyReason: '-1 ημέρες ως τη διαγραφή' },
      })));
      ({ reference: second } = await submitReferral(s, referralBody({
        pupil: { name: 'Γιώργος Αλεξίου', age: 15, class: 'Α\' Λυκείου' },
        guardian: { name: 'Ελένη Αλεξίου', email: 'eleni@example.gr', responsibility: 'both-parents' },
        consent: { immediateRisk: 'no', guardianAgrees: 'no', reason: 'Δεν απαντούν στο τηλέφωνο.' },
        indicators: { absencePercent: 4, behaviourIncidents: 5, performance: 'stable', tried: 'Συζήτηση με τον μαθητή.' },
        support: { serviceIds: [PROGRAMME.psychosocial], urgency: 'routine' },
      })));
      assert.equal((await patchReferral(s, first, { status: 'accepted', note: '+ θα καλέσουμε αύριο' })).status, 200);
    });
    after(() => s.close());

    it('lists referrals newest first with every answer, the programmes\' names and the history', async () => {
      const { items } = z.parse(AdminReferralList, await (await admin()).json());
      assert.deepEqual(items.map((r) => r.reference), [second, first]);
      const [late, early] = items as [(typeof items)[number], (typeof items)[number]];
      assert.deepEqual([early.status, early.urgency, early.urgencyReason, early.absencePercent, early.absenceLevel], ['accepted', 'urgent', '-1 ημέρες ως τη διαγραφή', 55, 'severe']);
      assert.deepEqual(early.programmes, ['Δίκτυο κατά της σχολικής διαρροής', 'Δημιουργική απασχόληση και μαθησιακή υποστήριξη παιδιών']);
      assert.deepEqual(early.history.map((h) => [h.status, h.note]), [['requested', undefined], ['accepted', '+ θα καλέσουμε αύριο']]);
      assert.equal(early.referrer.school, '=HYPERLINK("http://evil.example","κλικ")');
      assert.deepEqual(late.pupil, { name: 'Γιώργος Αλεξίου', age: 15, class: 'Α\' Λυκείου', interpreter: false });
      assert.deepEqual(late.guardian, { name: 'Ελένη Αλεξίου', email: 'eleni@example.gr', responsibility: 'both-parents' });
      assert.deepEqual(late.consent, { guardianAgrees: 'no', reason: 'Δεν απαντούν στο τηλέφωνο.' });
      assert.deepEqual(late.indicators, { behaviourIncidents: 5, performance: 'stable', tried: 'Συζήτηση με τον μαθητή.' });
      assert.equal(late.absenceLevel, 'none');
      assert.equal(late.urgencyReason, undefined);
    });

    it('filters by status', async () => {
      const accepted = z.parse(AdminReferralList, await (await admin('?status=accepted')).json());
      assert.deepEqual(accepted.items.map((r) => r.reference), [first]);
      const requested = z.parse(AdminReferralList, await (await admin('?status=requested')).json());
      assert.deepEqual(requested.items.map((r) => r.reference), [second]);
    });

    it('exports CSV as a UTF-8 attachment, one column per answer, with formulas made inert', async () => {
      const before = new Date();
      const res = await admin('?format=csv');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      assertCsvName(res, 'referrals', before);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a BOM');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
      assert.equal(text.split('\r\n')[0], [
        'reference', 'status', 'createdAt', 'urgency', 'urgencyReason', 'absencePercent', 'absenceLevel',
        'referrer.name', 'referrer.role', 'referrer.school', 'referrer.email', 'referrer.phone',
        'pupil.name', 'pupil.birthDate', 'pupil.age', 'pupil.class', 'pupil.homeLanguage', 'pupil.interpreter', 'pupil.learningNeeds',
        'guardian.name', 'guardian.phone', 'guardian.email', 'guardian.responsibility', 'consent.guardianAgrees', 'consent.reason',
        'indicators.behaviourIncidents', 'indicators.performance', 'indicators.otherFactors', 'indicators.tried', 'indicators.agencies',
        'programmes', 'history',
      ].join(','));
      assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""κλικ"")"`), 'the formula is inert and quoted');
      assert.ok(text.includes(",'@SUM(1+1),"));
      assert.ok(text.includes(",'-1 ημέρες ως τη διαγραφή,"));
      assert.ok(text.includes(",'+30 2431 012345,"), 'a phone starting with + cannot run');
      assert.ok(text.includes('"Μένει με τη γιαγιά, ""μακριά""\nαπό το σχολείο"'));
      assert.ok(text.includes(',Δίκτυο κατά της σχολικής διαρροής; Δημιουργική απασχόληση και μαθησιακή υποστήριξη παιδιών,'));
      assert.match(text, /"\d{4}-\d{2}-\d{2}T[\d:]+[+-]\d{2}:\d{2} requested\n\d{4}-\d{2}-\d{2}T[\d:]+[+-]\d{2}:\d{2} accepted: \+ θα καλέσουμε αύριο"/);
      assert.ok(!/(^|,)[=+\-@]/m.test(text.replace(/"[^"]*(""[^"]*)*"/g, '""')), 'no unquoted cell starts a formula');
      assert.equal(text.trimEnd().split(/\r\n(?=ΣΔ-)/).length, 3, 'a header and two rows');
    });
  });
}
