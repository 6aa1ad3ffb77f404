/**
 * A real referral for the stories that show a referral's status: made through the API as the widget would,
 * waiting out the backend's minimum fill time (none in the browser tests). Answers the reference and status code.
 */
import { ApiClient } from '../../src/client/api-client.ts';
import { ReferralClient } from '../../src/client/referral.ts';
import { getFormToken } from '../../src/client/system.ts';
import { uuid } from '../../src/client/uuid.ts';
import type { ReferralRequest } from '../../src/contract/referral.ts';

const g = globalThis as { KENTRO_STORY_MIN_FILL_MS?: number };

export const storyReferral = (serviceIds: string[]): ReferralRequest => ({
  referrer: { name: 'Ελένη Μαρκοπούλου', role: 'counsellor', school: '2ο Γυμνάσιο Αιγείρου', email: 'counsellor@2gym-aigeir.sch.gr', phone: '24310 22334' },
  pupil: { name: 'Γιάννης Κ.', age: 13, class: "Β' Γυμνασίου", homeLanguage: 'Ρομανί', interpreter: false },
  guardian: { name: 'Μαρία Κ.', phone: '694 555 1212', responsibility: 'mother' },
  consent: { immediateRisk: 'no', guardianAgrees: 'yes' },
  indicators: { absencePercent: 22, behaviourIncidents: 1, performance: 'declining', tried: 'Συναντήσεις με τη μητέρα και ενισχυτική διδασκαλία.' },
  support: { serviceIds, urgency: 'soon', urgencyReason: 'Οι απουσίες αυξάνονται κάθε εβδομάδα.' },
  locale: 'el',
});

export async function createStoryReferral(apiBase: string): Promise<{ reference: string; code: string }> {
  const api = new ApiClient({ baseUrl: apiBase });
  const client = new ReferralClient(api);
  const renderedAt = await getFormToken(api);
  const options = await client.options();
  await new Promise((r) => setTimeout(r, g.KENTRO_STORY_MIN_FILL_MS ?? 3100));
  const created = await client.submit({ ...storyReferral([options.programmes[0]!.id]), renderedAt }, { idempotencyKey: uuid() });
  return { reference: created.reference, code: created.statusToken };
}
