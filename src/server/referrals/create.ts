/**
 * `POST /referrals`, inside the idempotency transaction: the human check, the immediate-danger gate, the rules
 * across answers and the chosen programmes, then the referral, the first entry of its history and the
 * referrer's confirmation, in one transaction. Problems are thrown, not stored: nothing was written, and the
 * school may correct the answers and send them again with the same key.
 *
 * A referral saying the child is in immediate danger is refused outright and nothing of it is kept: a form is the
 * wrong way to get help then, and the answer says whom to call. What is kept is the minimum the issue asks for; a
 * reason why the guardian has not agreed only when they have not, and a reason for urgency only when it is urgent.
 */
import type { FieldError } from '../../contract/common.ts';
import { absenceLevel, referralIssues, type ReferralCreated, type ReferralRequest } from '../../contract/referral.ts';
import type { Config } from '../config.ts';
import type { Queryable } from '../db/types.ts';
import { describeFieldError } from '../http/describe.ts';
import type { AppDeps } from '../http/env.ts';
import { verifyHumanCheck } from '../http/human-check.ts';
import type { HandlerResult } from '../http/idempotency.ts';
import { ProblemError } from '../http/problem.ts';
import { queueReferralMail } from './messages.ts';
import { chosenProgrammes } from './programmes.ts';
import { newStatusCode, statusCodeHash } from './status-code.ts';

const blank = (text: string | undefined) => (text ? text : null);

/** The answer to a child in immediate danger: call now. `emergency` lets any client show the numbers. */
function immediateDanger(config: Pick<Config, 'emergencyNumber' | 'childLineNumber'>) {
  const { emergencyNumber: general, childLineNumber: childLine } = config;
  return new ProblemError(400, 'validation', {
    detail: `The child is in immediate danger: call ${general} (emergency) or the national child-protection line ${childLine} now. Nothing was sent.`,
    errors: [{ path: ['consent', 'immediateRisk'], code: 'invalid', message: describeFieldError('invalid') }],
    extra: { emergency: { general, childLine } },
  });
}

async function insertReferral(tx: Queryable, body: ReferralRequest, programmes: { id: string; name: string }[], codeHash: string, timeZone: string) {
  const { referrer, pupil, guardian, consent, indicators, support } = body;
  const agrees = consent.guardianAgrees === 'yes';
  const routine = support.urgency === 'routine';
  const { rows } = await tx.query<{ id: string; reference: string }>(
    `INSERT INTO referrals (reference, status_token_hash, referrer_name, referrer_role, referrer_school, referrer_email,
       referrer_phone, pupil_name, pupil_birth_date, pupil_age, pupil_class, pupil_home_language, pupil_interpreter,
       pupil_learning_needs, guardian_name, guardian_phone, guardian_email, guardian_responsibility, guardian_agrees,
       consent_reason, absence_percent, absence_level, behaviour_incidents, performance, other_factors, tried, agencies,
       service_ids, service_names, urgency, urgency_reason, locale)
     VALUES (kentro_next_reference('ΣΔ', $1),
       $2, $3, $4, $5, $6, $7, $8, $9::date, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25,
       $26, $27, $28::uuid[], $29, $30, $31, $32)
     RETURNING id, reference`,
    [timeZone, codeHash, referrer.name, referrer.role, referrer.school, referrer.email, referrer.phone, pupil.name,
      blank(pupil.birthDate), pupil.age ?? null, pupil.class, blank(pupil.homeLanguage), pupil.interpreter === true,
      blank(pupil.learningNeeds), guardian.name, blank(guardian.phone), blank(guardian.email), guardian.responsibility, agrees,
      agrees ? null : blank(consent.reason), indicators.absencePercent, absenceLevel(indicators.absencePercent),
      indicators.behaviourIncidents, indicators.performance, blank(indicators.otherFactors), indicators.tried,
      blank(indicators.agencies), programmes.map((p) => p.id), programmes.map((p) => p.name), support.urgency,
      routine ? null : blank(support.urgencyReason), body.locale ?? 'el'],
  );
  return rows[0]!;
}

export async function createReferral(tx: Queryable, body: ReferralRequest, deps: AppDeps): Promise<HandlerResult> {
  const { config } = deps;
  // Before the human check: whoever sends this must learn whom to call, even if they were too quick.
  if (body.consent.immediateRisk === 'yes') throw immediateDanger(config);
  verifyHumanCheck(body, deps);
  const errors: FieldError[] = referralIssues(body).map((i) => ({ path: i.path, code: i.code, message: describeFieldError(i.code) }));
  const { chosen, unknown } = await chosenProgrammes(tx, body.support.serviceIds);
  for (const i of unknown) errors.push({ path: ['support', 'serviceIds', i], code: 'choice', message: describeFieldError('choice') });
  if (errors.length) throw new ProblemError(400, 'validation', { errors });

  const code = newStatusCode();
  const referral = await insertReferral(tx, body, chosen, statusCodeHash(code), config.timeZone);
  await tx.query(`INSERT INTO referral_status_history (referral_id, status) VALUES ($1, 'requested')`, [referral.id]);
  await queueReferralMail(tx, {
    reference: referral.reference, referrer_name: body.referrer.name, referrer_email: body.referrer.email, locale: body.locale ?? 'el',
  }, 'received', { status: 'requested' });
  const created: ReferralCreated = { reference: referral.reference, statusToken: code };
  return { status: 201, body: created };
}
