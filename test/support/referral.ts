/**
 * Helpers for the referral suites: a valid referral naming the seeded dropout programme, posting it with an
 * Idempotency-Key (retrying "still running" as the widget's client does), checking its status with a code, staff
 * status changes, and every personal value of a body, to search answers and messages for them.
 */
import { randomUUID } from 'node:crypto';
import { PROBLEM_TYPES, type Problem } from '../../src/contract/common.ts';
import type { ReferralCreated, ReferralRequest } from '../../src/contract/referral.ts';
import type { Queryable } from '../../src/server/db/types.ts';
import { seedId } from '../../src/server/seed/ids.ts';
import { adminHeaders } from './intake.ts';
import { postJson, type TestServer } from './server.ts';

/** Ids of seeded programmes (src/server/seed/programmes.ts). */
export const PROGRAMME = {
  dropout: seedId('svc:school-dropout'),
  learning: seedId('svc:children-learning'),
  psychosocial: seedId('svc:psychosocial'),
} as const;

let referrals = 0;

/** A valid referral with values distinct per call (so a search for them finds this referral's only). */
export function referralBody(overrides: Partial<ReferralRequest> = {}): ReferralRequest {
  const n = ++referrals;
  return {
    referrer: { name: `Δέσποινα Καραγιάννη ${n}`, role: 'counsellor', school: '2ο Γυμνάσιο Αιγείρου', email: `counsellor${n}@sch.gr`, phone: '2431 0 12345' },
    pupil: {
      name: `Νικόλαος Σταθόπουλος ${n}`, birthDate: '2012-03-14', class: 'Β\' Γυμνασίου', homeLanguage: 'Ρομανί',
      interpreter: true, learningNeeds: 'Δυσλεξία, με διάγνωση ΚΕΔΑΣΥ',
    },
    guardian: { name: `Αικατερίνη Σταθοπούλου ${n}`, phone: '694 765 4321', email: `guardian${n}@example.gr`, responsibility: 'mother' },
    consent: { immediateRisk: 'no', guardianAgrees: 'yes' },
    indicators: {
      absencePercent: 18, behaviourIncidents: 2, performance: 'declining', otherFactors: 'Φροντίζει τα μικρότερα αδέλφια του.',
      tried: 'Συναντήσεις με τη μητέρα και πρόγραμμα ενισχυτικής.', agencies: 'Κοινωνική Υπηρεσία του Δήμου',
    },
    support: { serviceIds: [PROGRAMME.dropout], urgency: 'soon', urgencyReason: 'Οι απουσίες αυξάνονται κάθε εβδομάδα.' },
    locale: 'el',
    ...overrides,
  };
}

/** Every value of the pupil, the guardian and the referrer that must never reach the status check or an email. */
export function personalValues(body: ReferralRequest): string[] {
  const { referrer, pupil, guardian } = body;
  return [
    pupil.name, pupil.birthDate, pupil.age === undefined ? undefined : `"age":${pupil.age}`, pupil.class, pupil.homeLanguage, pupil.learningNeeds,
    guardian.name, guardian.phone, guardian.email, body.consent.reason, body.indicators.otherFactors, body.indicators.tried,
    body.indicators.agencies, referrer.name, referrer.email, referrer.phone, referrer.school,
  ].filter((v): v is string => typeof v === 'string' && v !== '');
}

export function postReferral(s: TestServer, body: unknown, key: string = randomUUID()) {
  return s.fetch('/api/referrals', postJson(body, { 'Idempotency-Key': key }));
}

/** Posts and expects 201. */
export async function submitReferral(s: TestServer, body: ReferralRequest): Promise<ReferralCreated> {
  const res = await postReferral(s, body);
  const json = (await res.json()) as ReferralCreated;
  if (res.status !== 201) throw new Error(`referral answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends until answered, retrying a 409 "still being processed" with the same key as the widget's client does. */
export async function referUntilAnswered(s: TestServer, body: unknown, key: string): Promise<{ status: number; text: string }> {
  for (;;) {
    const res = await postReferral(s, body, key);
    const text = await res.text();
    if (res.status !== 409 || (JSON.parse(text) as Problem).type !== PROBLEM_TYPES.idempotencyConflict) return { status: res.status, text };
    await sleep(20 + Math.random() * 80);
  }
}

/** `GET /referrals/{reference}/status`, with `Authorization` as given (none when `authorization` is null). */
export function checkStatus(s: TestServer, reference: string, authorization: string | null) {
  return s.fetch(`/api/referrals/${encodeURIComponent(reference)}/status`, authorization === null ? {} : { headers: { Authorization: authorization } });
}

/** Staff: `PATCH /admin/referrals/{reference}`. */
export function patchReferral(s: TestServer, reference: string, body: unknown, headers: Record<string, string> = adminHeaders) {
  return s.fetch(`/api/admin/referrals/${encodeURIComponent(reference)}`, {
    method: 'PATCH', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body),
  });
}

export const referralCount = async (db: Queryable) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM referrals')).rows[0]!.n;

/** The statuses of a referral's history, oldest first, as stored. */
export async function storedHistory(db: Queryable, reference: string) {
  const { rows } = await db.query<{ status: string; note: string | null }>(
    `SELECT h.status, h.note FROM referral_status_history h JOIN referrals r ON r.id = h.referral_id WHERE r.reference = $1 ORDER BY h.id`,
    [reference],
  );
  return rows;
}
