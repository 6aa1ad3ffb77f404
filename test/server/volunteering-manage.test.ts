/**
 * The volunteer's own page, opened with the token from their confirmation: it shows only their first name and
 * their shifts; a wrong token opens nothing; the personal calendar feed parses with ical.js, keeps stable UIDs and
 * shows a cancelled shift as STATUS:CANCELLED; cancelling one shift or all, twice, is harmless. PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import * as z from 'zod/mini';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import { SignupView, type SignupRequest } from '../../src/contract/volunteering.ts';
import { backends, startTestServer, type TestServer } from '../support/server.ts';
import { bookingCounts, DAY, insertOpportunity, outbox, signupBody, signUp, tokenIn } from '../support/volunteering.ts';

interface CalEntry { uid: string; status: string; start: string; tzid: string; summary: string; sequence: number }

function parseCalendar(text: string): CalEntry[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  const zone = cal.getFirstSubcomponent('vtimezone');
  assert.ok(zone, 'has a VTIMEZONE');
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid, status: String(v.getFirstPropertyValue('status')), start: e.startDate.toJSDate().toISOString(),
      tzid: String(v.getFirstProperty('dtstart')!.getParameter('tzid')), summary: e.summary, sequence: Number(v.getFirstPropertyValue('sequence')),
    };
  });
}

for (const backend of backends()) {
  describe(`the volunteer's own page (${backend})`, () => {
    let s: TestServer;
    let body: SignupRequest;
    let token: string;
    let shiftIds: string[];
    let starts: string[];

    const getView = async (t = token) => {
      const res = await s.fetch(`/api/volunteering/signups/${t}`);
      assert.equal(res.status, 200);
      return { raw: await res.clone().text(), view: z.parse(SignupView, await res.json()) };
    };
    const cancel = (query = '', t = token) => s.fetch(`/api/volunteering/signups/${t}${query}`, { method: 'DELETE' });
    const calendar = async (t = token) => {
      const res = await s.fetch(`/api/volunteering/signups/${t}.ics`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
      return { res, entries: parseCalendar(await res.text()) };
    };

    before(async () => {
      s = await startTestServer({ backend, config: { jobsIntervalMs: 0 } });
      const fixture = await insertOpportunity(s.db, { role: 'Διανομή τροφίμων', shifts: [{ startsIn: 3 * DAY, capacity: 3 }, { startsIn: 4 * DAY, capacity: 3 }] });
      shiftIds = fixture.shiftIds;
      starts = (await s.db.query<{ starts_at: Date }>('SELECT starts_at FROM volunteer_shifts WHERE id = ANY($1::uuid[]) ORDER BY starts_at', [shiftIds])).rows.map((r) => r.starts_at.toISOString());
      body = signupBody(fixture.opportunityId, shiftIds, { name: 'Αγγελική Μαυρίδου', phone: '698 765 4321' });
      token = (await signUp(s, body)).manageToken;
    });
    after(() => s.close());

    it('shows the first name and the shifts, never the email, phone or surname', async () => {
      const { raw, view } = await getView();
      assert.equal(view.firstName, 'Αγγελική');
      assert.equal(view.status, 'confirmed');
      assert.match(view.reference, /^ΕΘ-\d{4}-\d{6}$/);
      assert.deepEqual(view.bookings.map((b) => [b.shift.id, b.status]), [[shiftIds[0], 'confirmed'], [shiftIds[1], 'confirmed']]);
      for (const secret of [body.email, '698 765 4321', 'Μαυρίδου']) assert.ok(!raw.includes(secret), secret);
    });

    it('opens with the link of any message sent about the signup', async () => {
      const [confirmation] = await outbox(s.db, { to: body.email });
      const fromMail = tokenIn(confirmation!.text, 'manage');
      assert.notEqual(fromMail, token, 'each message has a token of its own');
      assert.equal((await getView(fromMail)).view.reference, (await getView()).view.reference);
    });

    it('answers 404 problem for a wrong token, and never keeps tokens in clear', async () => {
      for (const path of [`/api/volunteering/signups/${'x'.repeat(43)}`, `/api/volunteering/signups/${'x'.repeat(43)}.ics`]) {
        const res = await s.fetch(path);
        assert.equal(res.status, 404);
        assert.equal(((await res.json()) as { type: string }).type, PROBLEM_TYPES.notFound);
      }
      assert.equal((await cancel('', 'y'.repeat(43))).status, 404);
      const { rows } = await s.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM volunteer_signups g JOIN volunteer_signup_tokens t ON t.signup_id = g.id
          WHERE row_to_json(g)::text LIKE '%' || $1 || '%' OR row_to_json(t)::text LIKE '%' || $1 || '%'`, [token]);
      assert.equal(rows[0]!.n, 0);
    });

    it('gives a calendar feed of the shifts, in the centre\'s time zone, with stable UIDs', async () => {
      const { res, entries } = await calendar();
      assert.deepEqual(entries.map((e) => [e.start, e.status, e.tzid, e.summary]), [
        [starts[0], 'CONFIRMED', 'Europe/Athens', 'Διανομή τροφίμων'], [starts[1], 'CONFIRMED', 'Europe/Athens', 'Διανομή τροφίμων'],
      ]);
      assert.equal(new Set(entries.map((e) => e.uid)).size, 2);
      const again = await s.fetch(`/api/volunteering/signups/${token}.ics`, { headers: { 'If-None-Match': res.headers.get('etag')! } });
      assert.equal(again.status, 304);
    });

    it('attaches the same calendar entries to the confirmation', async () => {
      const { rows } = await s.db.query<{ ics: string; ics_filename: string }>(`SELECT ics, ics_filename FROM mail_outbox WHERE to_address = $1 AND kind = 'volunteer.confirmation'`, [body.email]);
      assert.equal(rows[0]!.ics_filename, 'volunteer-shifts.ics');
      const attached = parseCalendar(rows[0]!.ics).map((e) => e.uid);
      assert.deepEqual(attached, (await calendar()).entries.map((e) => e.uid));
    });

    it('cancels one shift, keeps it in the feed as STATUS:CANCELLED with a higher SEQUENCE, and says so by email', async () => {
      const before = (await calendar()).entries;
      const res = await cancel(`?shiftId=${shiftIds[0]}`);
      assert.equal(res.status, 200);
      const view = z.parse(SignupView, await res.json());
      assert.deepEqual(view.bookings.map((b) => b.status), ['cancelled', 'confirmed']);
      assert.equal(view.status, 'confirmed');
      const after = (await calendar()).entries;
      assert.deepEqual(after.map((e) => [e.uid, e.status, e.sequence]), [[before[0]!.uid, 'CANCELLED', 1], [before[1]!.uid, 'CONFIRMED', 0]]);
      assert.deepEqual(await bookingCounts(s.db, shiftIds[0]!), { confirmed: 0, waitlisted: 0, cancelled: 1, filled: 0 });
      const cancelled = (await outbox(s.db, { to: body.email, kind: 'volunteer.cancelled' }));
      assert.equal(cancelled.length, 1);
      assert.equal((cancelled[0]!.text.match(/^• /gm) ?? []).length, 1, 'lists the one shift cancelled');
    });

    it('is harmless to cancel twice, and 404 for a shift not in the signup', async () => {
      assert.equal((await cancel(`?shiftId=${shiftIds[0]}`)).status, 200);
      assert.deepEqual(await bookingCounts(s.db, shiftIds[0]!), { confirmed: 0, waitlisted: 0, cancelled: 1, filled: 0 });
      assert.equal((await outbox(s.db, { to: body.email, kind: 'volunteer.cancelled' })).length, 1, 'no second message');
      assert.equal((await cancel(`?shiftId=${randomUUID()}`)).status, 404);
      assert.equal((await cancel('?shiftId=nope')).status, 400);
    });

    it('cancels everything without shiftId', async () => {
      const res = await cancel();
      assert.equal(res.status, 200);
      const view = z.parse(SignupView, await res.json());
      assert.equal(view.status, 'cancelled');
      assert.ok(view.bookings.every((b) => b.status === 'cancelled'));
      assert.ok((await calendar()).entries.every((e) => e.status === 'CANCELLED'));
      assert.equal((await getView()).view.status, 'cancelled', 'the page still opens');
    });
  });
}
