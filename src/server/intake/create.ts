/**
 * `POST /intake/requests`, inside the idempotency transaction: the human check, the rules across answers and the
 * chosen needs, then the request and (when a webhook is configured) its forwarding row, in one transaction, so a
 * stored request is always forwarded and a refused one leaves nothing. Problems are thrown, not stored: nothing
 * was written, and the person may correct the answers and send them again with the same key.
 *
 * What is kept is only what the person chose to give: no name when they prefer not to give one (even if the form
 * sent it), and the optional facts only with their explicit consent.
 */
import type { FieldError } from '../../contract/common.ts';
import { intakeIssues, OPTIONAL_FACTS, type IntakeCreated, type IntakeFacts, type IntakeRequest } from '../../contract/intake.ts';
import type { Queryable } from '../db/types.ts';
import { describeFieldError } from '../http/describe.ts';
import type { AppDeps } from '../http/env.ts';
import { verifyHumanCheck } from '../http/human-check.ts';
import type { HandlerResult } from '../http/idempotency.ts';
import { ProblemError } from '../http/problem.ts';
import { isUuid } from '../hsds/sql.ts';
import { chosenNeeds } from './needs.ts';

const blank = (text: string | undefined) => (text ? text : null);
const unique = <T>(items: readonly T[] | undefined) => [...new Set(items ?? [])];

/** The answered facts, only when the person consented to give them. */
function consentedFacts(facts: IntakeFacts | undefined): Record<string, string> | null {
  if (facts?.consent !== true) return null;
  const answered = OPTIONAL_FACTS.flatMap((f) => (facts[f] ? [[f, facts[f]] as const] : []));
  return answered.length ? Object.fromEntries(answered) : null;
}

/** The directory programme's name, when the id names one of our services (it may come from another HSDS feed). */
async function serviceName(tx: Queryable, serviceId: string | undefined): Promise<string | null> {
  if (!serviceId || !isUuid(serviceId)) return null;
  const { rows } = await tx.query<{ name: string }>('SELECT name FROM services WHERE id = $1::uuid', [serviceId]);
  return rows[0]?.name ?? null;
}

export async function createIntakeRequest(tx: Queryable, body: IntakeRequest, deps: AppDeps): Promise<HandlerResult> {
  verifyHumanCheck(body, deps);
  const errors: FieldError[] = intakeIssues(body).map((i) => ({ path: i.path, code: i.code, message: describeFieldError(i.code) }));
  const { needs, unknown } = await chosenNeeds(tx, body.needs ?? []);
  for (const i of unknown) errors.push({ path: ['needs', i], code: 'choice', message: describeFieldError('choice') });
  if (errors.length) throw new ProblemError(400, 'validation', { errors });

  const { about, contact, language } = body;
  const { config } = deps;
  const facts = consentedFacts(body.facts);
  const other = language.preferred === 'other';
  const { rows } = await tx.query<{ id: string; reference: string }>(
    `INSERT INTO intake_requests (reference, need_ids, need_names, description, service_id, service_name, anonymous, name,
       age_band, area, methods, phone, email, days, times, language, other_language, interpreter, accessibility, facts, locale)
     VALUES (kentro_next_reference('ΚΚ', $1),
       $2::uuid[], $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::jsonb, $21)
     RETURNING id, reference`,
    [config.timeZone, needs.map((n) => n.id), needs.map((n) => n.name), blank(body.description), blank(body.serviceId),
      await serviceName(tx, body.serviceId), about.anonymous === true, about.anonymous ? null : about.name!, about.ageBand,
      blank(about.area), unique(contact.methods), blank(contact.phone), blank(contact.email), unique(contact.days),
      unique(contact.times), language.preferred, other ? language.otherLanguage! : null, language.interpreter === true,
      blank(body.accessibility), facts ? JSON.stringify(facts) : null, body.locale ?? 'el'],
  );
  const request = rows[0]!;
  if (config.intakeWebhookUrl) await tx.query('INSERT INTO intake_webhook_deliveries (request_id) VALUES ($1)', [request.id]);
  const created: IntakeCreated = { reference: request.reference };
  return { status: 201, body: created };
}
