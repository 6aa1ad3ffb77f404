/**
 * The referral as question pages: referrer → pupil → guardian → safety and consent → indicators → support →
 * check answers. Each page is checked with its part of the contract's schema and the contract's cross-field rules.
 * Saying the child is in immediate danger leaves the flow for a "call now" page: nothing is ever sent then.
 */
import type { FieldError } from '../../contract/common.ts';
import type { ReferralRequest } from '../../contract/referral.ts';
import { referralIssues } from '../../contract/referral-values.ts';
import { Lazy } from '../../core/lazy.ts';

export const QUESTION_STEPS = ['referrer', 'pupil', 'guardian', 'consent', 'indicators', 'support'] as const;
export type QuestionStep = (typeof QUESTION_STEPS)[number];
export type Step = QuestionStep | 'risk' | 'check' | 'done';

/** The answers as given, in the shape of `ReferralRequest`. */
export interface ReferralAnswers extends Record<string, unknown> {
  referrer?: Partial<Record<'name' | 'role' | 'school' | 'email' | 'phone', string>>;
  pupil?: Partial<Record<'name' | 'birthDate' | 'age' | 'class' | 'homeLanguage' | 'learningNeeds', string>> & { interpreter?: boolean };
  guardian?: Partial<Record<'name' | 'phone' | 'email' | 'responsibility', string>>;
  consent?: Partial<Record<'immediateRisk' | 'guardianAgrees' | 'reason', string>>;
  indicators?: Partial<Record<'absencePercent' | 'behaviourIncidents' | 'performance' | 'otherFactors' | 'tried' | 'agencies', string>>;
  support?: { serviceIds?: string[]; urgency?: string; urgencyReason?: string };
}

/** Each page's schema and the status check's (with zod): a chunk of its own, fetched when the widget connects. */
export const schemas = new Lazy(() => import('./referral-schemas.ts'));

export function stepOfPath(path: readonly (string | number)[]): Step {
  const head = path[0];
  return (QUESTION_STEPS as readonly unknown[]).includes(head) ? (head as QuestionStep) : 'check';
}

/** Cross-field problems on one page. */
export function stepIssues(step: QuestionStep, a: ReferralAnswers): FieldError[] {
  return referralIssues({ [step]: a[step] ?? {} })
    .filter((i) => i.path[0] === step)
    .map((i) => ({ path: i.path, code: i.code, message: i.code }));
}

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v.replace(',', '.')));

/** The body to send, without answers the person took back (a reason once the guardian agrees, and so on). */
export function toRequest(a: ReferralAnswers, extra: Pick<ReferralRequest, 'locale' | 'website' | 'renderedAt'>): ReferralRequest {
  const p = a.pupil ?? {};
  const c = a.consent ?? {};
  const s = a.support ?? {};
  const i = a.indicators ?? {};
  return {
    referrer: a.referrer as ReferralRequest['referrer'],
    pupil: {
      name: p.name ?? '', birthDate: p.birthDate, age: p.birthDate ? undefined : num(p.age), class: p.class ?? '',
      homeLanguage: p.homeLanguage, interpreter: p.interpreter === true, learningNeeds: p.learningNeeds,
    },
    guardian: a.guardian as ReferralRequest['guardian'],
    consent: { immediateRisk: 'no', guardianAgrees: c.guardianAgrees as 'yes' | 'no', reason: c.guardianAgrees === 'no' ? c.reason : undefined },
    indicators: {
      absencePercent: num(i.absencePercent) ?? 0, behaviourIncidents: num(i.behaviourIncidents) ?? 0,
      performance: i.performance as ReferralRequest['indicators']['performance'],
      otherFactors: i.otherFactors, tried: i.tried ?? '', agencies: i.agencies,
    },
    support: {
      serviceIds: s.serviceIds ?? [], urgency: s.urgency as ReferralRequest['support']['urgency'],
      urgencyReason: s.urgency === 'routine' ? undefined : s.urgencyReason,
    },
    ...extra,
  };
}
