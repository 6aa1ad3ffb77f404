/**
 * The intake request as GOV.UK question pages, one topic each: needs → about you → contact → language →
 * accessibility → optional facts → check answers. Each page is checked with its part of the contract's schema and
 * the contract's cross-field rules (`intakeIssues`), so the browser refuses exactly what the server would.
 */
import type { FieldError } from '../../contract/common.ts';
import type { IntakeRequest } from '../../contract/intake.ts';
import { intakeIssues, OPTIONAL_FACTS } from '../../contract/intake-values.ts';

export type Step = 'needs' | 'about' | 'contact' | 'language' | 'access' | 'facts' | 'check' | 'done';
export const QUESTION_STEPS = ['needs', 'about', 'contact', 'language', 'access', 'facts'] as const satisfies readonly Step[];

/** Answers as given, everything optional until checked; the shape of `IntakeRequest`. */
export interface IntakeAnswers extends Record<string, unknown> {
  needs?: string[];
  /** Sub-needs chosen under each chosen need (by the parent's id); sent together with `needs`. */
  subNeeds?: Record<string, string[]>;
  description?: string;
  serviceId?: string;
  about?: { anonymous?: boolean; name?: string; ageBand?: string; area?: string };
  contact?: { methods?: string[]; phone?: string; email?: string; days?: string[]; times?: string[]; consent?: boolean };
  language?: { preferred?: string; otherLanguage?: string; interpreter?: boolean };
  accessibility?: string;
  facts?: { roma?: string; migrant?: string; disability?: string; keaBeneficiary?: string; consent?: boolean };
}

/** The page that asks the answer at `path`. */
export function stepOfPath(path: readonly (string | number)[]): Step {
  const head = path[0];
  if (head === 'needs' || head === 'description' || head === 'serviceId') return 'needs';
  if (head === 'about') return 'about';
  if (head === 'contact') return 'contact';
  if (head === 'language') return 'language';
  if (head === 'accessibility') return 'access';
  if (head === 'facts') return 'facts';
  return 'check';
}

/** Cross-field problems on one page, as field errors. */
export function stepIssues(step: Step, answers: IntakeAnswers): FieldError[] {
  const issues = intakeIssues({
    needs: answers.needs, description: answers.description,
    about: step === 'about' ? answers.about ?? {} : undefined,
    contact: step === 'contact' ? answers.contact ?? {} : undefined,
    language: answers.language, facts: answers.facts,
  });
  return issues
    .filter((i) => stepOfPath(i.path) === step)
    .map((i) => ({ path: i.path, code: i.code, message: i.code }));
}

/** Every chosen need: the needs, and the sub-needs of those still chosen. */
export const chosenNeeds = (a: IntakeAnswers): string[] =>
  [...(a.needs ?? []), ...(a.needs ?? []).flatMap((id) => a.subNeeds?.[id] ?? [])];

/** The body to send: what the person chose to give, and nothing they took back. */
export function toRequest(a: IntakeAnswers, extra: Pick<IntakeRequest, 'locale' | 'website' | 'renderedAt'>): IntakeRequest {
  const anonymous = a.about?.anonymous === true;
  const methods = a.contact?.methods ?? [];
  const facts = a.facts && a.facts.consent === true ? a.facts : undefined;
  const needs = chosenNeeds(a);
  return {
    needs: needs.length ? needs : undefined,
    description: a.description,
    serviceId: a.serviceId,
    about: {
      anonymous,
      name: anonymous ? undefined : a.about?.name,
      ageBand: a.about?.ageBand as IntakeRequest['about']['ageBand'],
      area: a.about?.area === 'other' ? undefined : a.about?.area,
    },
    contact: {
      methods: methods as IntakeRequest['contact']['methods'],
      phone: methods.includes('phone') || methods.includes('sms') ? a.contact?.phone : undefined,
      email: methods.includes('email') ? a.contact?.email : undefined,
      days: a.contact?.days as IntakeRequest['contact']['days'],
      times: a.contact?.times as IntakeRequest['contact']['times'],
      consent: true,
    },
    language: {
      preferred: a.language?.preferred ?? 'el',
      otherLanguage: a.language?.preferred === 'other' ? a.language.otherLanguage : undefined,
      interpreter: a.language?.interpreter === true,
    },
    accessibility: a.accessibility,
    facts: facts && Object.fromEntries(
      [...OPTIONAL_FACTS.filter((f) => facts[f]).map((f) => [f, facts[f]]), ['consent', true]],
    ) as IntakeRequest['facts'],
    ...extra,
  };
}
