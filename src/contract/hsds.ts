/**
 * Open Referral HSDS 3.0, as the directory reads it. Lenient on purpose: a council's existing feed must work,
 * so everything but ids and names is optional (and may be `null`), unknown fields pass through, and sub-lists
 * default to empty. The reference server's documents additionally validate against the official JSON Schemas
 * (vendored in `test/fixtures/hsds-3.0/schema`, checked with ajv in the server tests).
 */
import * as z from 'zod/mini';
import { page } from './common.ts';

const opt = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
/** A sub-list: absent or `null` in a feed reads as empty. */
const list = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(z.optional(z.nullable(z.array(schema))), z.transform((v): z.output<T>[] => v ?? []));
const text = opt(z.string());
const num = opt(z.number());

export const HsdsLanguage = z.looseObject({ id: z.string(), name: text, code: text, note: text });
export const HsdsPhone = z.looseObject({
  id: z.string(), number: z.string(), extension: num, type: text, description: text, languages: list(HsdsLanguage),
});
export const HsdsSchedule = z.looseObject({
  id: z.string(), valid_from: text, valid_to: text, dtstart: text, until: text, count: num, wkst: text,
  freq: text, interval: num, byday: text, byweekno: text, bymonthday: text, byyearday: text,
  description: text, opens_at: text, closes_at: text, schedule_link: text, attending_type: text, notes: text,
  timezone: opt(z.union([z.number(), z.string()])),
});
export const HsdsAddress = z.looseObject({
  id: z.string(), attention: text, address_1: text, address_2: text, city: text, region: text,
  state_province: text, postal_code: text, country: text, address_type: text,
});
export const HsdsAccessibility = z.looseObject({ id: z.string(), description: text, details: text, url: text });
export const HsdsTaxonomy = z.looseObject({ id: z.string(), name: z.string(), description: text, uri: text, version: text });
export const HsdsTaxonomyTerm = z.looseObject({
  id: z.string(), code: text, name: z.string(), description: text, parent_id: text, taxonomy: text,
  taxonomy_detail: opt(HsdsTaxonomy), language: text, taxonomy_id: text, term_uri: text,
});
export const HsdsAttribute = z.looseObject({
  id: z.string(), taxonomy_term_id: text, link_type: text, link_entity: text, value: text,
  taxonomy_term: opt(HsdsTaxonomyTerm),
});
export const HsdsLocation = z.looseObject({
  id: z.string(), location_type: text, url: text, name: text, alternate_name: text, description: text,
  transportation: text, latitude: num, longitude: num, languages: list(HsdsLanguage), addresses: list(HsdsAddress),
  accessibility: list(HsdsAccessibility), phones: list(HsdsPhone), schedules: list(HsdsSchedule),
  attributes: list(HsdsAttribute),
});
export const HsdsServiceAtLocation = z.looseObject({
  id: z.string(), service_id: text, location_id: text, description: text, phones: list(HsdsPhone),
  schedules: list(HsdsSchedule), location: opt(HsdsLocation), attributes: list(HsdsAttribute),
});
export const HsdsOrganization = z.looseObject({
  id: z.string(), name: z.string(), alternate_name: text, description: text, email: text, website: text,
  logo: text, uri: text, phones: list(HsdsPhone),
});
export const HsdsCostOption = z.looseObject({
  id: z.string(), valid_from: text, valid_to: text, option: text, currency: text, amount: num, amount_description: text,
});
export const HsdsRequiredDocument = z.looseObject({ id: z.string(), document: text, uri: text });
export const HsdsServiceArea = z.looseObject({ id: z.string(), name: text, description: text });

export const HsdsService = z.looseObject({
  id: z.string(), name: z.string(), alternate_name: text, description: text, url: text, email: text, status: text,
  interpretation_services: text, application_process: text, fees_description: text, wait_time: text,
  eligibility_description: text, minimum_age: num, maximum_age: num, alert: text, last_modified: text,
  organization_id: text, organization: opt(HsdsOrganization), phones: list(HsdsPhone), schedules: list(HsdsSchedule),
  service_areas: list(HsdsServiceArea), service_at_locations: list(HsdsServiceAtLocation), languages: list(HsdsLanguage),
  cost_options: list(HsdsCostOption), required_documents: list(HsdsRequiredDocument), attributes: list(HsdsAttribute),
});
export type HsdsService = z.output<typeof HsdsService>;
export type HsdsLocation = z.output<typeof HsdsLocation>;
export type HsdsSchedule = z.output<typeof HsdsSchedule>;
export type HsdsTaxonomy = z.output<typeof HsdsTaxonomy>;
export type HsdsTaxonomyTerm = z.output<typeof HsdsTaxonomyTerm>;
export type HsdsAttribute = z.output<typeof HsdsAttribute>;

export const HsdsServicePage = page(HsdsService);
export const HsdsTaxonomyPage = page(HsdsTaxonomy);
export const HsdsTaxonomyTermPage = page(HsdsTaxonomyTerm);
export const HsdsOrganizationPage = page(HsdsOrganization);
export const HsdsServiceAtLocationPage = page(HsdsServiceAtLocation);

/** `GET /` of an HSDS API. */
export const HsdsBase = z.looseObject({ version: z.string(), profile: text, openapi_url: text });

/** Query of `GET /services`. Booleans arrive as strings in the URL. */
export const HsdsServicesQuery = z.object({
  search: z.optional(z.string().check(z.maxLength(200))),
  taxonomy_term_id: z.optional(z.string()),
  taxonomy_id: z.optional(z.string()),
  organization_id: z.optional(z.string()),
  modified_after: z.optional(z.string()),
  page: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
  per_page: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000))),
  full: z.optional(z.enum(['true', 'false'])),
  /** Kentro extensions (the reference server): services at a location, in a language, for an age. */
  location_id: z.optional(z.string()),
  language: z.optional(z.string().check(z.maxLength(8))),
  age: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(130))),
});
export type HsdsServicesQuery = z.output<typeof HsdsServicesQuery>;
