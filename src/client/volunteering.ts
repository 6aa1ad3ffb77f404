/** The Volunteer Network part of the contract: opportunities, signups, the volunteer's own page and the guardian's. */
import type { GuardianDecision, SignupRequest, VolunteerOpportunitiesQuery } from '../contract/volunteering.ts';

import type { ApiClient, RequestOptions, SendOptions } from './api-client.ts';

/** The schemas, with zod, fetched beside the first request. */
const contract = () => import('../contract/volunteering.ts');

const enc = encodeURIComponent;

export class VolunteeringClient {
  constructor(readonly api: ApiClient) {}

  opportunities(filters: VolunteerOpportunitiesQuery = {}, options: RequestOptions = {}) {
    return this.api.get('/volunteering/opportunities', contract().then((c) => c.VolunteerOpportunityList), { ...options, query: { ...filters } });
  }

  opportunity(id: string, options: RequestOptions = {}) {
    return this.api.get(`/volunteering/opportunities/${enc(id)}`, contract().then((c) => c.VolunteerOpportunity), options);
  }

  /** Send with the `Idempotency-Key` of a `Submission`, so retries never sign up twice. */
  signUp(body: SignupRequest, options: SendOptions) {
    return this.api.send('POST', '/volunteering/signups', body, contract().then((c) => c.SignupCreated), options);
  }

  signup(token: string, options: RequestOptions = {}) {
    return this.api.get(`/volunteering/signups/${enc(token)}`, contract().then((c) => c.SignupView), options);
  }

  /** Cancel one shift, or every shift without `shiftId`. */
  cancel(token: string, shiftId?: string, options: RequestOptions = {}) {
    return this.api.send('DELETE', `/volunteering/signups/${enc(token)}`, undefined, contract().then((c) => c.SignupView), { ...options, query: { shiftId } });
  }

  /** The signup's shifts as an iCalendar feed. */
  icsUrl(token: string) {
    return this.api.url(`/volunteering/signups/${enc(token)}.ics`);
  }

  guardianRequest(token: string, options: RequestOptions = {}) {
    return this.api.get(`/volunteering/guardian/${enc(token)}`, contract().then((c) => c.GuardianView), options);
  }

  decide(token: string, decision: GuardianDecision['decision'], options: RequestOptions = {}) {
    return this.api.send('POST', `/volunteering/guardian/${enc(token)}`, { decision }, contract().then((c) => c.GuardianView), options);
  }
}
