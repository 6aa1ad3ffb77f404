/**
 * The signup as a sequence of short pages, one topic each (GOV.UK question pages): shifts → about you → (a
 * minor's guardian) → a few more things → check answers. Each page is checked with its slice of the contract's
 * schema (`signup-schemas.ts`, a chunk of its own), so the browser refuses exactly what the server would.
 */
import type { FieldError } from '../../contract/common.ts';
import { needsGuardian, type AgeBand as Band } from '../../contract/people-values.ts';
import type { Guardian, SignupRequest, VolunteerOpportunity } from '../../contract/volunteering.ts';
import { signupIssues } from '../../contract/volunteering-values.ts';

export type Step = 'browse' | 'shifts' | 'about' | 'under15' | 'guardian' | 'more' | 'check' | 'done';

/** The answers as the person gives them (everything optional until checked). */
export interface SignupAnswers extends Record<string, unknown> {
  shiftIds?: string[];
  waitlistIfFull?: boolean;
  name?: string;
  email?: string;
  phone?: string;
  ageBand?: Band;
  guardian?: Partial<Guardian>;
  skills?: string[];
  availability?: string;
  accessibility?: string;
  consent?: true;
}

/** The pages this person goes through, in order (a guardian page only for 15–17). */
export function stepsFor(answers: SignupAnswers): Step[] {
  const steps: Step[] = ['shifts', 'about'];
  if (answers.ageBand && needsGuardian(answers.ageBand)) steps.push('guardian');
  steps.push('more', 'check');
  return steps;
}

/** The page after `step` (`check` when the person came from check answers to change something). */
export function nextStep(step: Step, answers: SignupAnswers, returnToCheck: boolean): Step {
  if (step === 'about' && answers.ageBand === 'under-15') return 'under15';
  const steps = stepsFor(answers);
  if (returnToCheck && !(step === 'about' && steps.includes('guardian') && !answers.guardian?.name)) return 'check';
  return steps[steps.indexOf(step) + 1] ?? 'check';
}

export function previousStep(step: Step, answers: SignupAnswers): Step {
  if (step === 'under15') return 'about';
  const steps = stepsFor(answers);
  const i = steps.indexOf(step);
  return i > 0 ? steps[i - 1]! : 'browse';
}

/**
 * Rules across answers on the "about you" page (the role's minimum age), as field errors. Under 15 is not an error
 * here: the person is shown how the centre can help instead.
 */
export const aboutIssues = (answers: SignupAnswers, opportunity: VolunteerOpportunity): FieldError[] =>
  answers.ageBand && answers.ageBand !== 'under-15'
    ? signupIssues({ ageBand: answers.ageBand }, opportunity.minAge)
      .filter((i) => i.path[0] === 'ageBand')
      .map((i) => ({ path: i.path, code: i.code, message: i.code, params: i.params }))
    : [];

/** The request body from checked answers. */
export function toRequest(
  answers: SignupAnswers, opportunity: VolunteerOpportunity, extra: Pick<SignupRequest, 'locale' | 'pageUrl' | 'website' | 'renderedAt'>,
): SignupRequest {
  const minor = answers.ageBand !== undefined && needsGuardian(answers.ageBand);
  const shiftIds = opportunity.shifts.map((s) => s.id).filter((id) => answers.shiftIds?.includes(id));
  return {
    opportunityId: opportunity.id,
    shiftIds,
    waitlistIfFull: answers.waitlistIfFull === true,
    name: answers.name ?? '',
    email: answers.email ?? '',
    phone: answers.phone,
    ageBand: answers.ageBand!,
    guardian: minor ? (answers.guardian as Guardian) : undefined,
    skills: answers.skills,
    availability: answers.availability,
    accessibility: answers.accessibility,
    consent: true,
    ...extra,
  };
}

/** Ids of the chosen shifts the server said were full (`shiftFull` at `shiftIds[i]`). */
export function fullShiftIds(errors: readonly FieldError[], request: SignupRequest): string[] {
  return errors
    .filter((e) => e.code === 'shiftFull' && e.path[0] === 'shiftIds' && typeof e.path[1] === 'number')
    .map((e) => request.shiftIds[e.path[1] as number]!)
    .filter(Boolean);
}

/** The page that asks the answer at `path` (where a server's field error sends the person back to). */
export function stepOfPath(path: readonly (string | number)[], answers: SignupAnswers): Step {
  const head = path[0];
  if (head === 'shiftIds' || head === 'opportunityId' || head === 'waitlistIfFull') return 'shifts';
  if (head === 'guardian') return answers.ageBand === '15-17' ? 'guardian' : 'about';
  if (head === 'skills' || head === 'availability' || head === 'accessibility' || head === 'consent') return 'more';
  if (head === 'name' || head === 'email' || head === 'phone' || head === 'ageBand') return 'about';
  return 'check';
}
