/** Mounts the HSDS 3.0 API (`/api/hsds/…`): public, read-only, cacheable for a minute. */
import type { Context } from 'hono';
import { hsdsRoutes } from '../../contract/hsds-routes.ts';
import type { App, AppDeps, AppEnv } from '../http/env.ts';
import { ProblemError } from '../http/problem.ts';
import { route } from '../http/route.ts';
import { getOrganization, listOrganizations } from './organizations.ts';
import { getServiceAtLocation, listServiceAtLocations } from './service-at-locations.ts';
import { getService, listServices } from './services.ts';
import { getTaxonomy, getTaxonomyTerm, listTaxonomies, listTaxonomyTerms } from './taxonomies.ts';

export const HSDS_VERSION = '3.0';
/** No Kentro-specific HSDS profile exists: the documents follow the base specification. */
export const HSDS_PROFILE = 'https://docs.openreferral.org/en/latest/hsds/';

const CACHE = { 'Cache-Control': 'public, max-age=60' };

const found = <T>(c: Context<AppEnv>, what: string, doc: T | undefined) => {
  if (doc === undefined) throw new ProblemError(404, 'notFound', { detail: `No ${what} with this id.` });
  return c.json(doc, 200, CACHE);
};

export function mountHsdsRoutes(app: App, { db }: AppDeps) {
  const [base, services, service, taxonomies, taxonomy, terms, term, places, place, organizations, organization] = hsdsRoutes;

  route(app, base, (_input, c) =>
    c.json({ version: HSDS_VERSION, profile: HSDS_PROFILE, openapi_url: new URL('../openapi.json', c.req.url).href }, 200, CACHE));
  route(app, services, async ({ query }, c) => c.json(await listServices(db, query), 200, CACHE));
  route(app, service, async ({ params }, c) => found(c, 'service', await getService(db, params.id)));
  route(app, taxonomies, async ({ query }, c) => c.json(await listTaxonomies(db, query), 200, CACHE));
  route(app, taxonomy, async ({ params }, c) => found(c, 'taxonomy', await getTaxonomy(db, params.id)));
  route(app, terms, async ({ query }, c) => c.json(await listTaxonomyTerms(db, query), 200, CACHE));
  route(app, term, async ({ params }, c) => found(c, 'taxonomy term', await getTaxonomyTerm(db, params.id)));
  route(app, places, async ({ query }, c) => c.json(await listServiceAtLocations(db, query), 200, CACHE));
  route(app, place, async ({ params }, c) => found(c, 'service at location', await getServiceAtLocation(db, params.id)));
  route(app, organizations, async ({ query }, c) => c.json(await listOrganizations(db, query), 200, CACHE));
  route(app, organization, async ({ params }, c) => found(c, 'organization', await getOrganization(db, params.id)));
}
