/**
 * The intake form: what it offers (needs from the centre's taxonomy, areas, languages, the centre's contact), the
 * request itself (idempotent, with the shared anti-automation checks), and the staff listing, export and status.
 */
import * as z from 'zod/mini';
import { Problem, Reference } from './common.ts';
import { AdminIntakeList, AdminIntakeQuery, IntakeCreated, IntakeOptions, IntakeRequest } from './intake.ts';
import { defineRoute } from './route.ts';

const tags = ['intake'] as const;
const describe = <T extends z.ZodMiniType>(schema: T, description: string) => schema.check(z.describe(description));

export const IntakeStatusChange = z.object({ status: z.enum(['new', 'in-progress', 'closed'], 'choice') });
const ReferenceParams = z.object({ reference: describe(Reference, 'The request\'s reference number, e.g. `ΚΚ-2026-000123`.') });

export const intakeRoutes = [
  defineRoute({
    method: 'get', path: '/intake/options', operationId: 'getIntakeOptions', tags,
    summary: 'What the intake form offers: needs (the centre\'s needs taxonomy), areas, languages, and the centre\'s contact for the confirmation',
    responses: { 200: { description: 'The options.', schema: IntakeOptions } },
  }),
  defineRoute({
    method: 'post', path: '/intake/requests', operationId: 'createIntakeRequest', tags, body: IntakeRequest, idempotent: true,
    summary: 'Ask the centre for help; answers with the reference number. The same Idempotency-Key replays the same reference',
    responses: {
      201: { description: 'Stored (and forwarded to the council\'s case system when configured).', schema: IntakeCreated },
    },
  }),
  defineRoute({
    method: 'get', path: '/admin/intake/requests', operationId: 'listIntakeRequests', tags: ['admin', ...tags], query: AdminIntakeQuery, admin: true,
    summary: 'Staff: intake requests, newest first, as JSON or CSV (`format=csv`, safe against formula injection)',
    responses: { 200: { description: 'The requests.', schema: AdminIntakeList } },
  }),
  defineRoute({
    method: 'patch', path: '/admin/intake/requests/{reference}', operationId: 'updateIntakeRequest', tags: ['admin', ...tags],
    params: ReferenceParams, body: IntakeStatusChange, admin: true,
    summary: 'Staff: mark a request in progress or closed',
    responses: { 200: { description: 'Updated.', schema: z.object({ reference: Reference, status: IntakeStatusChange.shape.status }) }, 404: { description: 'No such request.', contentType: 'application/problem+json', schema: Problem } },
  }),
] as const;
