/**
 * Every flow of the product over HTTP against a running server (`npm start` as a child): an intake request (and
 * its replay, and a refused one), volunteer signups of an adult and of a minor, the volunteer's own page (view,
 * calendar, cancel), the guardian's request (view, confirm), a referral and its status check (right code, the
 * code's other spellings, wrong codes, the code in a query string), staff listings and changes, and wrong tokens
 * everywhere. Returns what must never be written to a log: personal values and secrets.
 */
import { randomUUID } from 'node:crypto';
import type { VolunteerOpportunityList } from '../../src/contract/volunteering.ts';
import { intakeBody } from '../support/intake.ts';
import { personalValues, referralBody } from '../support/referral.ts';
import { emlFiles, textPartOf, tokenIn } from '../support/volunteering.ts';

export interface FlowSecrets {
  /** Names, emails, phones and free text people typed. */
  personal: string[];
  /** Manage and guardian tokens, status codes (as given and as they may be typed), the staff token. */
  secrets: string[];
  /** References of the records made (not personal: they may be logged). */
  references: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runEveryFlow(url: string, dataDir: string, adminToken: string): Promise<FlowSecrets> {
  const call = async (path: string, init: RequestInit & { json?: unknown; key?: boolean } = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('Content-Type', 'application/json');
    if (init.key) headers.set('Idempotency-Key', randomUUID());
    const res = await fetch(`${url}${path}`, { ...init, headers, body: init.json === undefined ? init.body : JSON.stringify(init.json) });
    const text = await res.text();
    return { status: res.status, json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };
  const expect = (what: string, got: { status: number; json: unknown }, status: number) => {
    if (got.status !== status) throw new Error(`${what}: ${got.status} (wanted ${status}) ${JSON.stringify(got.json).slice(0, 300)}`);
    return got.json as Record<string, unknown>;
  };
  const staff = { Authorization: `Bearer ${adminToken}` };
  const personal: string[] = [];
  const secrets: string[] = [adminToken];
  const references: string[] = [];

  // Intake: a named request with a phone, its replay, and one refused for a bad email (the body is logged nowhere).
  const intake = intakeBody({
    about: { name: 'Θεοδώρα Ιντεϊκοπούλου', ageBand: '30-44', area: 'Συνοικία Αγίου Λογκ' },
    contact: { methods: ['phone', 'email'], phone: '699 555 1212', email: 'theodora.intake@example.gr', days: ['mon'], times: ['morning'], consent: true },
    description: 'Χρειάζομαι βοήθεια με το ενοίκιο, ΜΥΣΤΙΚΗΠΕΡΙΓΡΑΦΗ.',
  });
  personal.push('Θεοδώρα', 'Ιντεϊκοπούλου', 'Συνοικία Αγίου Λογκ', '699 555 1212', '6995551212', 'theodora.intake@example.gr', 'ΜΥΣΤΙΚΗΠΕΡΙΓΡΑΦΗ');
  const key = randomUUID();
  const created = expect('intake', await call('/api/intake/requests', { method: 'POST', json: intake, headers: { 'Idempotency-Key': key } }), 201);
  expect('intake replay', await call('/api/intake/requests', { method: 'POST', json: intake, headers: { 'Idempotency-Key': key } }), 201);
  references.push(String(created.reference));
  expect('bad intake', await call('/api/intake/requests', { method: 'POST', key: true, json: { ...intake, contact: { ...intake.contact, email: 'theodora.wrong@@example' } } }), 400);
  personal.push('theodora.wrong@@example');

  // Volunteering: the festival (minimum age 15), an adult and a minor with a guardian.
  const list = expect('opportunities', await call('/api/volunteering/opportunities'), 200) as unknown as VolunteerOpportunityList;
  const festival = list.items.find((o) => o.minAge <= 15 && o.shifts.filter((s) => s.placesLeft > 0).length >= 2);
  if (!festival) throw new Error('no seeded opportunity for a minor with two free shifts');
  const shiftIds = festival.shifts.filter((s) => s.placesLeft > 0).map((s) => s.id).slice(0, 2);
  const adult = { opportunityId: festival.id, shiftIds, name: 'Περικλής Εθελοντόπουλος', email: 'perikles.volunteer@example.gr', phone: '+30 697 111 2233', ageBand: '21-64', consent: true, locale: 'el', accessibility: 'ΜΥΣΤΙΚΗΠΡΟΣΒΑΣΗ' };
  const minor = {
    opportunityId: festival.id, shiftIds: [shiftIds[0]], name: 'Ανδρομάχη Ανηλικοπούλου', email: 'andromachi.minor@example.gr', phone: '697 444 5566',
    ageBand: '15-17', consent: true, locale: 'el', guardian: { name: 'Ζωή Κηδεμονοπούλου', email: 'zoi.guardian@example.gr', phone: '697 777 8899', relationship: 'μητέρα' },
  };
  personal.push('Περικλής', 'Εθελοντόπουλος', 'perikles.volunteer@example.gr', '697 111 2233', '6971112233', 'ΜΥΣΤΙΚΗΠΡΟΣΒΑΣΗ',
    'Ανδρομάχη', 'Ανηλικοπούλου', 'andromachi.minor@example.gr', '697 444 5566', 'Ζωή', 'Κηδεμονοπούλου', 'zoi.guardian@example.gr', '697 777 8899');
  const a = expect('adult signup', await call('/api/volunteering/signups', { method: 'POST', key: true, json: adult }), 201);
  const m = expect('minor signup', await call('/api/volunteering/signups', { method: 'POST', key: true, json: minor }), 201);
  references.push(String(a.reference), String(m.reference));
  const manage = String(a.manageToken);
  const minorManage = String(m.manageToken);
  secrets.push(manage, minorManage);
  expect('manage page', await call(`/api/volunteering/signups/${manage}`), 200);
  expect('manage calendar', await call(`/api/volunteering/signups/${manage}.ics`), 200);
  expect('cancel one shift', await call(`/api/volunteering/signups/${manage}?shiftId=${shiftIds[1]}`, { method: 'DELETE' }), 200);
  expect('wrong manage token', await call(`/api/volunteering/signups/${manage.slice(0, -2)}xy`), 404);
  expect('token in a query', await call(`/api/volunteering/opportunities?token=${manage}&email=${encodeURIComponent(adult.email)}`), 200);
  expect('token on an unknown path', await call(`/api/no-such-thing/${manage}?email=${encodeURIComponent(adult.email)}`), 404);

  // The guardian's link arrives by email (the jobs write it to the data folder's outbox).
  let guardianToken: string | undefined;
  for (let i = 0; i < 200 && !guardianToken; i++) {
    const texts = (await emlFiles(dataDir)).filter((f) => f.raw.includes('zoi.guardian@example.gr')).map((f) => textPartOf(f.raw));
    const text = texts.find((t) => t.includes('#kentro-guardian='));
    if (text) guardianToken = tokenIn(text, 'guardian');
    else await sleep(100);
  }
  if (!guardianToken) throw new Error('the guardian\'s message never arrived');
  secrets.push(guardianToken);
  expect('guardian view', await call(`/api/volunteering/guardian/${guardianToken}`), 200);
  expect('guardian confirms', await call(`/api/volunteering/guardian/${guardianToken}`, { method: 'POST', json: { decision: 'confirm' } }), 200);
  expect('wrong guardian token', await call(`/api/volunteering/guardian/${guardianToken.slice(0, -2)}xy`), 404);

  // Referral, its status check and staff changes.
  const referral = referralBody();
  personal.push(...personalValues(referral));
  const r = expect('referral', await call('/api/referrals', { method: 'POST', key: true, json: referral }), 201);
  const code = String(r.statusToken);
  references.push(String(r.reference));
  secrets.push(code, code.toLowerCase(), code.replaceAll('-', ''));
  const status = (c: string, query = '') => call(`/api/referrals/${encodeURIComponent(String(r.reference))}/status${query}`, { headers: { Authorization: `Bearer ${c}` } });
  expect('status', await status(code), 200);
  expect('status lower case', await status(code.toLowerCase()), 200);
  expect('status wrong code', await status(`${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`), 404);
  expect('status code in a query', await call(`/api/referrals/${encodeURIComponent(String(r.reference))}/status?code=${code}`), 401);
  const note = 'Η οικογένεια ενημερώθηκε, ΜΥΣΤΙΚΗΣΗΜΕΙΩΣΗ.';
  personal.push('ΜΥΣΤΙΚΗΣΗΜΕΙΩΣΗ');
  expect('staff accepts', await call(`/api/admin/referrals/${encodeURIComponent(String(r.reference))}`, { method: 'PATCH', headers: staff, json: { status: 'accepted', note } }), 200);
  expect('staff closes intake', await call(`/api/admin/intake/requests/${encodeURIComponent(String(created.reference))}`, { method: 'PATCH', headers: staff, json: { status: 'in-progress' } }), 200);
  expect('staff intake list', await call('/api/admin/intake/requests', { headers: staff }), 200);
  expect('staff referral list', await call('/api/admin/referrals', { headers: staff }), 200);
  expect('staff signups csv', await call('/api/admin/volunteering/signups?format=csv', { headers: staff }), 200);
  expect('staff with a wrong token', await call('/api/admin/referrals', { headers: { Authorization: `Bearer ${manage}` } }), 401);
  return { personal, secrets, references };
}
