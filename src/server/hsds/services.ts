/** `GET /hsds/services` and `GET /hsds/services/{id}`. */
import type { HsdsServicesListQuery } from '../../contract/hsds-routes.ts';
import type { Queryable } from '../db/types.ts';
import { serviceListDoc, type ServiceDoc } from './documents.ts';
import { serviceConditions, serviceOrder, whereClause } from './filters.ts';
import { loadOrganizations } from './loaders.ts';
import { nestServices } from './nest.ts';
import { fetchPage, pageOf } from './paging.ts';
import { SERVICE_COLUMNS, type ServiceRow } from './rows.ts';
import { isUuid, Params } from './sql.ts';

export async function listServices(db: Queryable, query: HsdsServicesListQuery) {
  const p = new Params();
  const { and, search } = serviceConditions(query, p);
  const { rows, total, page } = await fetchPage<ServiceRow>(db, p, {
    select: SERVICE_COLUMNS, from: 'services s', where: whereClause(and), order: serviceOrder(search), with: search?.with,
  }, query);
  return pageOf(await serviceDocs(db, rows, query.full === 'true'), total, page);
}

/** The HSDS list form (with each service's organization), or fully nested documents. */
async function serviceDocs(db: Queryable, rows: ServiceRow[], full: boolean): Promise<ServiceDoc[]> {
  if (full) return nestServices(db, rows);
  const organizations = await loadOrganizations(db, rows.map((r) => r.organization_id));
  return rows.map((r) => serviceListDoc(r, organizations.get(r.organization_id)));
}

/** One fully nested service, or undefined. */
export async function getService(db: Queryable, id: string): Promise<ServiceDoc | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await db.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.id = $1::uuid`, [id]);
  return (await nestServices(db, rows))[0];
}
