/**
 * Shared pieces of the contract: ids, references, RFC 9457 problems, HSDS-style pages.
 * Written against `zod/mini` so the browser bundle stays small; the server uses the same schemas.
 */
import * as z from 'zod/mini';
import { FIELD_ERROR_CODES, REFERENCE_PATTERN } from './common-values.ts';

export * from './common-values.ts';

/** A UUID, as every id in the API. */
export const Uuid = z.uuid();
export type Uuid = z.infer<typeof Uuid>;

/**
 * A human-friendly reference number, e.g. `ΚΚ-2026-000123`: a prefix of 2–3 capital letters (Greek or Latin),
 * the year and a six-digit sequence.
 */
export const Reference = z.string().check(z.regex(REFERENCE_PATTERN));
export type Reference = z.infer<typeof Reference>;

/** The path of a field inside a request body, e.g. `["contact", "email"]`. */
export const FieldPath = z.array(z.union([z.string(), z.number()]));
export type FieldPath = z.infer<typeof FieldPath>;

export const FieldErrorCode = z.enum(FIELD_ERROR_CODES);
export type FieldErrorCode = z.infer<typeof FieldErrorCode>;

/** One field error inside a problem. `params` fills placeholders such as `{min}`. */
export const FieldError = z.object({
  path: FieldPath,
  code: z.string(),
  message: z.string(),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with `errors[]` for field errors. Extension members are allowed. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int(), z.gte(400), z.lte(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;

/** Problem `type` URIs used by the reference backend (relative, resolved against the API base). */
export const PROBLEM_TYPES = {
  validation: 'urn:kentro:problem:validation',
  notFound: 'urn:kentro:problem:not-found',
  methodNotAllowed: 'urn:kentro:problem:method-not-allowed',
  unsupportedMediaType: 'urn:kentro:problem:unsupported-media-type',
  payloadTooLarge: 'urn:kentro:problem:payload-too-large',
  rateLimited: 'urn:kentro:problem:rate-limited',
  idempotencyConflict: 'urn:kentro:problem:idempotency-conflict',
  idempotencyMismatch: 'urn:kentro:problem:idempotency-mismatch',
  idempotencyKeyMissing: 'urn:kentro:problem:idempotency-key-missing',
  tooFast: 'urn:kentro:problem:too-fast',
  unauthorized: 'urn:kentro:problem:unauthorized',
  forbiddenOrigin: 'urn:kentro:problem:forbidden-origin',
  conflict: 'urn:kentro:problem:conflict',
  internal: 'urn:kentro:problem:internal',
  unavailable: 'urn:kentro:problem:unavailable',
} as const;

/** The HSDS 3.0 page object wrapping a list of `item`. */
export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    total_items: z.number().check(z.int(), z.gte(0)),
    total_pages: z.number().check(z.int(), z.gte(0)),
    page_number: z.number().check(z.int(), z.gte(1)),
    size: z.number().check(z.int(), z.gte(0)),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });

/**
 * Staff lists are paged by keyset: at most `limit` rows (100 by default), after the cursor `after` that the page
 * before gave as `next`. A CSV export (`format=csv`) ignores both and streams every row.
 */
export const StaffPageQuery = {
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000))),
  after: z.optional(z.string().check(z.maxLength(2000))),
};

/** A page of a staff list: `next` is there while more rows follow. */
export const staffPage = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), next: z.optional(z.string()) });

/** `page` and `per_page` query parameters, as strings in the URL. */
export const PageQuery = z.object({
  page: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
  per_page: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000))),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Builds a page object from one slice of results. */
export function toPage<T>(contents: T[], total: number, pageNumber: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber <= 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/**
 * Anti-automation fields every public form posts alongside its answers: a honeypot that people never see
 * (and must leave empty) and the signed time the form was first shown.
 */
export const HumanCheck = z.object({
  website: z.optional(z.string()),
  renderedAt: z.optional(z.string().check(z.maxLength(200))),
});
export type HumanCheck = z.infer<typeof HumanCheck>;
