/** `GET /hsds/organizations` and `GET /hsds/organizations/{id}`. */
import type { HsdsListQuery } from '../../contract/hsds-routes.ts';
import type { Queryable } from '../db/types.ts';
import { organizationDoc, phoneDoc, serviceListDoc } from './documents.ts';
import { whereClause } from './filters.ts';
import { loadPhones } from './loaders.ts';
import { nestLocations } from './nest.ts';
import { fetchPage, pageOf } from './paging.ts';
import { ORGANIZATION_COLUMNS, SERVICE_COLUMNS, type OrganizationRow, type ServiceRow } from './rows.ts';
import { searchSql, searchWords, textTarget } from './search.ts';
import { isUuid, Params } from './sql.ts';

const ORDER = 'kentro_fold(o.name), o.id';

export async function listOrganizations(db: Queryable, query: HsdsListQuery) {
  const p = new Params();
  const search = searchSql(textTarget('o.name', 'o.description'), searchWords(query.search), p);
  const { rows, total, page } = await fetchPage<OrganizationRow>(db, p, {
    with: search?.with,
    select: ORGANIZATION_COLUMNS,
    from: 'organizations o',
    where: whereClause(search ? [search.where] : []),
    order: search ? `${search.tier} DESC, ${search.nameHits} DESC, ${ORDER}` : ORDER,
  }, query);
  return pageOf(rows.map(organizationDoc), total, page);
}

/** One organization with its phones, its locations (nested) and its services (list form), or undefined. */
export async function getOrganization(db: Queryable, id: string) {
  if (!isUuid(id)) return undefined;
  const { rows } = await db.query<OrganizationRow>(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = $1::uuid`, [id]);
  const organization = rows[0];
  if (!organization) return undefined;
  const [phones, locationIds, services] = await Promise.all([
    loadPhones(db, { organization: [id] }),
    db.query<{ id: string }>(
      `SELECT id FROM locations WHERE organization_id = $1::uuid ORDER BY array_position(ARRAY['centre', 'branch', 'mobile-stop'], kind), kentro_fold(name), id`,
      [id],
    ),
    db.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.organization_id = $1::uuid ORDER BY kentro_fold(s.name), s.id`, [id]),
  ]);
  const ids = locationIds.rows.map((r) => r.id);
  const locations = await nestLocations(db, ids);
  return {
    ...organizationDoc(organization),
    phones: phones.map(phoneDoc),
    locations: ids.flatMap((l) => locations.get(l) ?? []),
    services: services.rows.map((s) => serviceListDoc(s)),
  };
}
