/** `GET /hsds/service_at_locations` and `GET /hsds/service_at_locations/{id}`: where each service is offered. */
import type { HsdsServiceAtLocationsQuery } from '../../contract/hsds-routes.ts';
import type { Queryable } from '../db/types.ts';
import { locationListDoc, serviceListDoc } from './documents.ts';
import { serviceConditions, serviceOrder, whereClause } from './filters.ts';
import { loadLocations, loadOrganizations, loadServices } from './loaders.ts';
import { nestServiceAtLocations } from './nest.ts';
import { fetchPage, pageOf } from './paging.ts';
import type { ServiceAtLocationRow } from './rows.ts';
import { isUuid, Params } from './sql.ts';

const FROM = 'service_at_locations x JOIN services s ON s.id = x.service_id JOIN locations l ON l.id = x.location_id';
const COLUMNS = 'x.id, x.service_id, x.location_id, x.description';

export async function listServiceAtLocations(db: Queryable, query: HsdsServiceAtLocationsQuery) {
  const p = new Params();
  const { location_id: locationId, ...filters } = query;
  const { and, search } = serviceConditions(filters, p);
  if (locationId) and.push(`x.location_id = ${p.add(locationId, 'uuid')}`);
  const { rows, total, page } = await fetchPage<ServiceAtLocationRow>(db, p, {
    with: search?.with,
    select: COLUMNS,
    from: FROM,
    where: whereClause(and),
    order: `${serviceOrder(search)}, array_position(ARRAY['centre', 'branch', 'mobile-stop'], l.kind), kentro_fold(l.name), x.id`,
  }, query);
  return pageOf(await serviceAtLocationDocs(db, rows, query.full === 'true'), total, page);
}

/** The HSDS list form (location and service one-to-one fields), or fully nested, each with its service. */
async function serviceAtLocationDocs(db: Queryable, rows: ServiceAtLocationRow[], full: boolean) {
  const services = await loadServices(db, rows.map((r) => r.service_id));
  const [organizations, locations, nested] = await Promise.all([
    loadOrganizations(db, [...services.values()].map((s) => s.organization_id)),
    full ? undefined : loadLocations(db, rows.map((r) => r.location_id)),
    full ? nestServiceAtLocations(db, rows) : undefined,
  ]);
  return rows.map((r, i) => {
    const service = services.get(r.service_id)!;
    const serviceDoc = serviceListDoc(service, organizations.get(service.organization_id));
    if (nested) return { ...nested[i]!, service: serviceDoc };
    const location = locations?.get(r.location_id);
    return {
      id: r.id,
      service_id: r.service_id,
      location_id: r.location_id,
      description: r.description ?? undefined,
      location: location && locationListDoc(location),
      service: serviceDoc,
    };
  });
}

/** One service at a location, fully nested, or undefined. */
export async function getServiceAtLocation(db: Queryable, id: string) {
  if (!isUuid(id)) return undefined;
  const { rows } = await db.query<ServiceAtLocationRow>(`SELECT ${COLUMNS} FROM service_at_locations x WHERE x.id = $1::uuid`, [id]);
  return (await serviceAtLocationDocs(db, rows, true))[0];
}
