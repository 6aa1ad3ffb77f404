/**
 * The Volunteer Network: opportunities with shifts and places left, signups with capacity enforced by the database,
 * waitlists, a minor's guardian agreement, and each volunteer's own page (see, cancel, calendar file) opened with
 * the token from their confirmation message. Staff list and export signups under `/admin`.
 */
import * as z from 'zod/mini';
import { Problem } from './common.ts';
import { defineRoute } from './route.ts';
import {
  AdminSignupList, AdminSignupsQuery, CancelSignupQuery, GuardianDecision, GuardianView, SignupCreated, SignupRequest,
  SignupView, VolunteerOpportunitiesQuery, VolunteerOpportunity, VolunteerOpportunityList,
} from './volunteering.ts';

const describe = <T extends z.ZodMiniType>(schema: T, description: string) => schema.check(z.describe(description));

const tags = ['volunteering'] as const;
const problem = (description: string) => ({ description, contentType: 'application/problem+json', schema: Problem }) as const;
const Token = z.object({
  token: describe(z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/)),
    'The token from the confirmation message (shown once when signing up). It is stored hashed.'),
});
const OpportunityParams = z.object({ id: describe(z.guid(), 'The opportunity id.') });

export const OpportunitiesListQuery = z.object({
  skill: describe(VolunteerOpportunitiesQuery.shape.skill, 'Only opportunities asking for this skill (folded: accents and case do not matter).'),
  location: describe(VolunteerOpportunitiesQuery.shape.location, 'Only opportunities at this place (a location id).'),
  from: describe(VolunteerOpportunitiesQuery.shape.from, 'Only opportunities with a shift on or after this date (centre\'s time zone).'),
  to: describe(VolunteerOpportunitiesQuery.shape.to, 'Only opportunities with a shift on or before this date.'),
});

export const volunteeringRoutes = [
  defineRoute({
    method: 'get', path: '/volunteering/opportunities', operationId: 'listVolunteerOpportunities', tags, query: OpportunitiesListQuery,
    summary: 'Open opportunities with their upcoming shifts, places left and waitlist lengths',
    responses: { 200: { description: 'Opportunities, soonest shift first.', schema: VolunteerOpportunityList } },
  }),
  defineRoute({
    method: 'get', path: '/volunteering/opportunities/{id}', operationId: 'getVolunteerOpportunity', tags, params: OpportunityParams,
    summary: 'One opportunity with its upcoming shifts',
    responses: { 200: { description: 'The opportunity.', schema: VolunteerOpportunity }, 404: problem('No open opportunity with this id.') },
  }),
  defineRoute({
    method: 'post', path: '/volunteering/signups', operationId: 'createVolunteerSignup', tags, body: SignupRequest, idempotent: true,
    summary: 'Sign up for shifts: each holds a place (one conditional statement per shift) or, with `waitlistIfFull`, joins its waitlist',
    responses: {
      201: { description: 'Stored; a confirmation (or the guardian\'s request) is on its way by email.', schema: SignupCreated },
      409: problem('A chosen shift is full (`shiftFull`), overlaps another shift of the same person (`overlap`), or the person already holds it (`alreadySignedUp`); errors point at `shiftIds[i]`. Nothing was stored.'),
    },
  }),
  defineRoute({
    method: 'get', path: '/volunteering/signups/{token}', operationId: 'getVolunteerSignup', tags, params: Token,
    summary: 'The signup this token opens: its shifts with their status and waitlist positions (no personal data beyond the first name)',
    responses: { 200: { description: 'The signup.', schema: SignupView }, 404: problem('No signup for this token.') },
  }),
  defineRoute({
    method: 'delete', path: '/volunteering/signups/{token}', operationId: 'cancelVolunteerSignup', tags, params: Token, query: CancelSignupQuery,
    summary: 'Cancel one shift (`shiftId`) or the whole signup; each freed place goes to the first person on that shift\'s waitlist',
    responses: { 200: { description: 'The signup after cancelling (cancelling twice is harmless).', schema: SignupView }, 404: problem('No signup for this token.') },
  }),
  defineRoute({
    method: 'get', path: '/volunteering/signups/{token}.ics', operationId: 'getVolunteerSignupCalendar', tags, params: Token,
    summary: 'The shifts of this signup as an iCalendar feed to subscribe to (cancelled shifts stay, as STATUS:CANCELLED)',
    responses: { 200: { description: 'A VCALENDAR.', contentType: 'text/calendar', schema: z.string() }, 404: problem('No signup for this token.') },
  }),
  defineRoute({
    method: 'get', path: '/volunteering/guardian/{token}', operationId: 'getGuardianRequest', tags, params: Token,
    summary: 'What a minor signed up for, for their guardian to agree or not (token from the message sent to the guardian)',
    responses: { 200: { description: 'The request.', schema: GuardianView }, 404: problem('No request for this token.') },
  }),
  defineRoute({
    method: 'post', path: '/volunteering/guardian/{token}', operationId: 'decideGuardianRequest', tags, params: Token, body: GuardianDecision,
    summary: 'The guardian agrees (the signup becomes confirmed or waitlisted) or declines (its places are freed)',
    responses: {
      200: { description: 'The request after the decision.', schema: GuardianView },
      404: problem('No request for this token.'),
      409: problem('Already decided the other way, or every shift has passed.'),
    },
  }),
  defineRoute({
    method: 'get', path: '/admin/volunteering/signups', operationId: 'listVolunteerSignups', tags: ['admin', ...tags], query: AdminSignupsQuery, admin: true,
    summary: 'Staff: every booked shift with the volunteer\'s details, as JSON or CSV (`format=csv`, safe against formula injection)',
    responses: { 200: { description: 'One row per booked shift.', schema: AdminSignupList } },
  }),
] as const;
