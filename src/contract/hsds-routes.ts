/**
 * The directory as an Open Referral HSDS 3.0 API under `/hsds`. Documents follow the official HSDS 3.0 JSON
 * Schemas; the response schemas here are the lenient ones the directory widget reads any HSDS feed with.
 * Kentro extensions of `GET /hsds/services`: `location_id`, `language` and `age`.
 */
import * as z from 'zod/mini';
import { Problem } from './common.ts';
import {
  HsdsBase, HsdsOrganization, HsdsOrganizationPage, HsdsService, HsdsServiceAtLocation, HsdsServiceAtLocationPage,
  HsdsServicePage, HsdsServicesQuery, HsdsTaxonomy, HsdsTaxonomyPage, HsdsTaxonomyTerm, HsdsTaxonomyTermPage,
} from './hsds.ts';
import { defineRoute } from './route.ts';

const describe = <T extends z.ZodMiniType>(schema: T, description: string) => schema.check(z.describe(description));

/** Any 8-4-4-4-12 hex id (PostgreSQL's uuid form); an unknown one simply matches nothing. */
const id = (what: string) => z.optional(describe(z.guid(), what));
const bool = (what: string) => z.optional(describe(z.enum(['true', 'false']), what));
const search = z.optional(describe(
  z.string().check(z.maxLength(200), z.regex(/^[^\u0000]*$/)),
  'Words to look for. Accents, case and final sigma do not matter (`παιδια`, `ΠΑΙΔΙΑ` and `παιδιά` are the same) and a ' +
    'typo is tolerated. Exact matches rank above accent-free ones, which rank above fuzzy ones; name matches above others.',
));
const paging = {
  page: z.optional(describe(z.coerce.number().check(z.int(), z.gte(1)), 'Page number, from 1.')),
  per_page: z.optional(describe(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 'Items per page, 1–1000 (default 50).')),
};

/** `modified_after`: an ISO 8601 date-time with offset, or a date (midnight UTC). */
const modifiedAfter = z.optional(describe(
  z.union([z.iso.datetime({ offset: true }), z.iso.date()]),
  'Only items modified on or after this instant (ISO 8601 date-time with offset, or a date meaning midnight UTC).',
));

const serviceFilters = {
  search,
  taxonomy_term_id: id('Only services linked to this taxonomy term or to one of its descendants.'),
  taxonomy_id: id('Only services linked to some term of this taxonomy.'),
  organization_id: id('Only services of this organization.'),
  modified_after: modifiedAfter,
  ...paging,
};

export const HsdsServicesListQuery = z.extend(HsdsServicesQuery, {
  ...serviceFilters,
  full: bool('`true`: fully nested services (as `GET /services/{id}`); otherwise the HSDS list form.'),
  location_id: id('Kentro extension: only services offered at this location.'),
  language: z.optional(describe(
    z.string().check(z.regex(/^[A-Za-z]{2,3}$/)),
    'Kentro extension: only services offered in this language (ISO 639-1 code such as `ar`, or ISO 639-2/3 such as `rom`).',
  )),
  age: z.optional(describe(
    z.coerce.number().check(z.int(), z.gte(0), z.lte(120)),
    'Kentro extension: only services whose minimum/maximum age range includes this age in years (services without limits match any age).',
  )),
});
export type HsdsServicesListQuery = z.output<typeof HsdsServicesListQuery>;

export const HsdsServiceAtLocationsQuery = z.object({
  ...serviceFilters,
  location_id: id('Only the service at this location.'),
  full: bool('`true`: fully nested (as `GET /service_at_locations/{id}`); otherwise the HSDS list form.'),
});
export type HsdsServiceAtLocationsQuery = z.output<typeof HsdsServiceAtLocationsQuery>;

export const HsdsTaxonomyTermsQuery = z.object({
  search,
  taxonomy_id: id('Only terms of this taxonomy.'),
  top_only: bool('`true`: only top-level terms (those without a parent).'),
  parent_id: id('Only the direct children of this term.'),
  ...paging,
});
export type HsdsTaxonomyTermsQuery = z.output<typeof HsdsTaxonomyTermsQuery>;

export const HsdsListQuery = z.object({ search, ...paging });
export type HsdsListQuery = z.output<typeof HsdsListQuery>;

const IdParams = z.object({ id: describe(z.string(), 'The UUID of the item.') });

const notFound = { description: 'No item with this id.', contentType: 'application/problem+json', schema: Problem } as const;
const tags = ['hsds'] as const;

export const hsdsRoutes = [
  defineRoute({
    method: 'get', path: '/hsds/', operationId: 'getHsdsBase', tags,
    summary: 'HSDS 3.0 API: version, profile and the URL of this OpenAPI document',
    responses: { 200: { description: 'About this HSDS API.', schema: HsdsBase } },
  }),
  defineRoute({
    method: 'get', path: '/hsds/services', operationId: 'listHsdsServices', tags, query: HsdsServicesListQuery,
    summary: 'Services, searchable and filterable (all filters combine with AND); Kentro extensions: location_id, language, age',
    responses: { 200: { description: 'A page of services.', schema: HsdsServicePage } },
  }),
  defineRoute({
    method: 'get', path: '/hsds/services/{id}', operationId: 'getHsdsService', tags, params: IdParams,
    summary: 'One service, fully nested: organization, locations, hours, phones, languages, costs, documents, terms',
    responses: { 200: { description: 'The service.', schema: HsdsService }, 404: notFound },
  }),
  defineRoute({
    method: 'get', path: '/hsds/taxonomies', operationId: 'listHsdsTaxonomies', tags, query: HsdsListQuery,
    summary: 'Taxonomies: the needs a programme meets and the groups it serves',
    responses: { 200: { description: 'A page of taxonomies.', schema: HsdsTaxonomyPage } },
  }),
  defineRoute({
    method: 'get', path: '/hsds/taxonomies/{id}', operationId: 'getHsdsTaxonomy', tags, params: IdParams,
    summary: 'One taxonomy',
    responses: { 200: { description: 'The taxonomy.', schema: HsdsTaxonomy }, 404: notFound },
  }),
  defineRoute({
    method: 'get', path: '/hsds/taxonomy_terms', operationId: 'listHsdsTaxonomyTerms', tags, query: HsdsTaxonomyTermsQuery,
    summary: 'Taxonomy terms, parents before their children',
    responses: { 200: { description: 'A page of taxonomy terms.', schema: HsdsTaxonomyTermPage } },
  }),
  defineRoute({
    method: 'get', path: '/hsds/taxonomy_terms/{id}', operationId: 'getHsdsTaxonomyTerm', tags, params: IdParams,
    summary: 'One taxonomy term, with its taxonomy',
    responses: { 200: { description: 'The taxonomy term.', schema: HsdsTaxonomyTerm }, 404: notFound },
  }),
  defineRoute({
    method: 'get', path: '/hsds/service_at_locations', operationId: 'listHsdsServiceAtLocations', tags, query: HsdsServiceAtLocationsQuery,
    summary: 'Services at locations (where each service is offered), filterable like services',
    responses: { 200: { description: 'A page of services at locations.', schema: HsdsServiceAtLocationPage } },
  }),
  defineRoute({
    method: 'get', path: '/hsds/service_at_locations/{id}', operationId: 'getHsdsServiceAtLocation', tags, params: IdParams,
    summary: 'One service at a location, fully nested: the location with addresses, accessibility, phones and hours',
    responses: { 200: { description: 'The service at the location.', schema: HsdsServiceAtLocation }, 404: notFound },
  }),
  defineRoute({
    method: 'get', path: '/hsds/organizations', operationId: 'listHsdsOrganizations', tags, query: HsdsListQuery,
    summary: 'Organizations that provide the services',
    responses: { 200: { description: 'A page of organizations.', schema: HsdsOrganizationPage } },
  }),
  defineRoute({
    method: 'get', path: '/hsds/organizations/{id}', operationId: 'getHsdsOrganization', tags, params: IdParams,
    summary: 'One organization, with its phones, locations and services',
    responses: { 200: { description: 'The organization.', schema: HsdsOrganization }, 404: notFound },
  }),
] as const;
