/** The intake request's choices and its rules across answers, without zod: the form's first load. */

/** Age bands the centre plans with; "prefer not to say" is an answer too. */
export const INTAKE_AGE_BANDS = ['under-18', '18-29', '30-44', '45-64', '65-plus', 'prefer-not'] as const;

export const CONTACT_METHODS = ['phone', 'sms', 'email', 'visit'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const DAY_PARTS = ['morning', 'midday', 'afternoon'] as const;

/** Optional facts, each answerable with "prefer not to say"; collected only with explicit consent. */
export const OPTIONAL_FACTS = ['roma', 'migrant', 'disability', 'keaBeneficiary'] as const;

/** A cross-field problem, as a field error path and code (the same rules in the browser and on the server). */
export interface IntakeIssue {
  path: (string | number)[];
  code: 'required' | 'consent';
}

/**
 * Rules across answers: at least one need or a description; a name unless they prefer not to give one; a phone
 * number for phone or SMS; an email address for email; consent when an optional fact is answered; a language name
 * for "other".
 */
export function intakeIssues(body: {
  needs?: readonly string[]; description?: string;
  about?: { anonymous?: boolean; name?: string };
  contact?: { methods?: readonly string[]; phone?: string; email?: string };
  language?: { preferred?: string; otherLanguage?: string };
  facts?: Partial<Record<(typeof OPTIONAL_FACTS)[number], string>> & { consent?: boolean };
}): IntakeIssue[] {
  const issues: IntakeIssue[] = [];
  if (!body.needs?.length && !body.description?.trim()) issues.push({ path: ['needs'], code: 'required' });
  if (body.about && !body.about.anonymous && !body.about.name?.trim()) issues.push({ path: ['about', 'name'], code: 'required' });
  const methods = body.contact?.methods ?? [];
  if (body.contact && (methods.includes('phone') || methods.includes('sms')) && !body.contact.phone) issues.push({ path: ['contact', 'phone'], code: 'required' });
  if (body.contact && methods.includes('email') && !body.contact.email) issues.push({ path: ['contact', 'email'], code: 'required' });
  if (body.language?.preferred === 'other' && !body.language.otherLanguage?.trim()) issues.push({ path: ['language', 'otherLanguage'], code: 'required' });
  const facts = body.facts;
  if (facts && OPTIONAL_FACTS.some((f) => facts[f] === 'yes' || facts[f] === 'no') && facts.consent !== true) {
    issues.push({ path: ['facts', 'consent'], code: 'consent' });
  }
  return issues;
}
