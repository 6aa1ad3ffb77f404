/**
 * Age bands and message languages without zod: what the widgets need on their first load (the schemas in
 * `people.ts` load later, beside the first request).
 */

/**
 * Age bands, chosen at the thresholds that matter: under 15 (under the age of digital consent in Greece), 15–17
 * (a minor: a guardian must agree), 18–20, 21–64, 65 and over.
 */
export const AGE_BANDS = ['under-15', '15-17', '18-20', '21-64', '65-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The youngest age in each band. */
export const AGE_BAND_FROM: Readonly<Record<AgeBand, number>> = { 'under-15': 0, '15-17': 15, '18-20': 18, '21-64': 21, '65-plus': 65 };

/** Whether a person in this band may take up a role with this minimum age. */
export const ageBandAllows = (band: AgeBand, minAge: number) => AGE_BAND_FROM[band] >= minAge;

/** Under the age of digital consent (15 in Greece): cannot register themselves. */
export const isUnderConsentAge = (band: AgeBand) => band === 'under-15';

/** A minor (15–17): a guardian must agree. */
export const needsGuardian = (band: AgeBand) => band === '15-17';

/** Languages Kentro writes messages in. */
export const MESSAGE_LOCALES = ['el', 'en', 'ar'] as const;
