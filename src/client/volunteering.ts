/** The Volunteer Network part of the contract: opportunities, signups, the volunteer's own page and the guardian's. */
import {
  GuardianView, SignupCreated, SignupView, VolunteerOpportunity, VolunteerOpportunityList,
  type GuardianDecision, type SignupRequest, type VolunteerOpportunitiesQuery,
} from '../contract/volunteering.ts';
import type { ApiClient, RequestOptions, SendOptions } from './api-client.ts';

const enc = encodeURIComponent;

export class VolunteeringClient {
  constructor(readonly api: ApiClient) {}

  opportunities(filters: VolunteerOpportunitiesQuery = {}, options: RequestOptions = {}) {
    return this.api.get('/volunteering/opportunities', VolunteerOpportunityList, { ...options, query: { ...filters } });
  }

  opportunity(id: string, options: RequestOptions = {}) {
    return this.api.get(`/volunteering/opportunities/${enc(id)}`, VolunteerOpportunity, options);
  }

  /** Send with the `Idempotency-Key` of a `Submission`, so retries never sign up twice. */
  signUp(body: SignupRequest, options: SendOptions) {
    return this.api.send('POST', '/volunteering/signups', body, SignupCreated, options);
  }

  signup(token: string, options: RequestOptions = {}) {
    return this.api.get(`/volunteering/signups/${enc(token)}`, SignupView, options);
  }

  /** Cancel one shift, or every shift without `shiftId`. */
  cancel(token: string, shiftId?: string, options: RequestOptions = {}) {
    return this.api.send('DELETE', `/volunteering/signups/${enc(token)}`, undefined, SignupView, { ...options, query: { shiftId } });
  }

  /** The signup's shifts as an iCalendar feed. */
  icsUrl(token: string) {
    return this.api.url(`/volunteering/signups/${enc(token)}.ics`);
  }

  guardianRequest(token: string, options: RequestOptions = {}) {
    return this.api.get(`/volunteering/guardian/${enc(token)}`, GuardianView, options);
  }

  decide(token: string, decision: GuardianDecision['decision'], options: RequestOptions = {}) {
    return this.api.send('POST', `/volunteering/guardian/${enc(token)}`, { decision }, GuardianView, options);
  }
}
