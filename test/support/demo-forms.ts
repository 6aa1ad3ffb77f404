/**
 * Filling the referral form on a page (playwright-core), as the demo, fault and privacy tests all do: the people's
 * details are the caller's (so a test can find or look for them), the school facts are the same every time.
 */
import type { Locator } from 'playwright-core';

export interface ReferralPeople {
  referrer: string;
  referrerEmail: string;
  referrerPhone: string;
  pupil: string;
  guardian: string;
  guardianPhone: string;
}

export const SAMPLE_REFERRAL: ReferralPeople = {
  referrer: 'Ελένη Μαρκοπούλου', referrerEmail: 'counsellor@2gym.sch.gr', referrerPhone: '24310 22334',
  pupil: 'Γιάννης Κ.', guardian: 'Μαρία Κ.', guardianPhone: '694 555 1212',
};

const next = (form: Locator) => form.locator('button[type=submit]').click();

/** The referrer, pupil and guardian pages; stops on "safety and consent". */
export async function fillReferralPeople(form: Locator, p: ReferralPeople, options: { timeout?: number } = {}) {
  await form.locator('#f-referrer-name').fill(p.referrer, options);
  await form.locator('#f-referrer-role-1').check();
  await form.locator('#f-referrer-school').fill('2ο Γυμνάσιο Αιγείρου');
  await form.locator('#f-referrer-email').fill(p.referrerEmail);
  await form.locator('#f-referrer-phone').fill(p.referrerPhone);
  await next(form);
  await form.locator('#f-pupil-name').fill(p.pupil);
  await form.locator('#f-pupil-age').fill('13');
  await form.locator('#f-pupil-class').fill("Β' Γυμνασίου");
  await next(form);
  await form.locator('#f-guardian-name').fill(p.guardian);
  await form.locator('#f-guardian-phone').fill(p.guardianPhone);
  await form.locator('#f-guardian-responsibility-1').check();
  await next(form);
}

/** No immediate risk, the guardian agrees, the indicators and the support asked for; stops on "check answers". */
export async function fillReferralRest(form: Locator) {
  await form.locator('#f-consent-immediateRisk-1').check();
  await form.locator('#f-consent-guardianAgrees').check();
  await next(form);
  await form.locator('#f-indicators-absencePercent').fill('22');
  await form.locator('#f-indicators-behaviourIncidents').fill('0');
  await form.locator('#f-indicators-performance-1').check();
  await form.locator('#f-indicators-tried').fill('Συναντήσεις με τη μητέρα.');
  await next(form);
  await form.locator('#f-support-serviceIds').check();
  await form.locator('#f-support-urgency').check();
  await next(form);
  await form.locator('.summary-list').waitFor();
}
