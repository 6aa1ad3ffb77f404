/**
 * Batch loaders: each reads one kind of row for a whole set of owners in one query, so nesting a page of
 * services costs the same handful of queries whether it holds one service or a thousand.
 */
import type { Queryable } from '../db/types.ts';
import {
  LOCATION_COLUMNS, ORGANIZATION_COLUMNS, SERVICE_COLUMNS, TERM_COLUMNS,
  type AttributeRow, type CostOptionRow, type LocationRow, type OrganizationRow, type PhoneRow, type ScheduleRow,
  type ServiceAtLocationRow, type ServiceRow,
} from './rows.ts';

/** Owners of phones or schedules, by kind. */
export interface Owners {
  organization?: readonly string[];
  location?: readonly string[];
  service?: readonly string[];
  serviceAtLocation?: readonly string[];
}

function ownedBy(owners: Owners, columns: Partial<Record<keyof Owners, string>>) {
  const conditions: string[] = [];
  const params: string[][] = [];
  for (const [kind, column] of Object.entries(columns) as [keyof Owners, string][]) {
    const ids = owners[kind];
    if (!ids?.length) continue;
    params.push([...ids]);
    conditions.push(`${column} = ANY($${params.length}::uuid[])`);
  }
  return { where: conditions.join(' OR '), params };
}

export async function loadOrganizations(db: Queryable, ids: readonly string[]): Promise<Map<string, OrganizationRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<OrganizationRow>(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function loadServices(db: Queryable, ids: readonly string[]): Promise<Map<string, ServiceRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.id = ANY($1::uuid[])`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function loadLocations(db: Queryable, ids: readonly string[]): Promise<Map<string, LocationRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<LocationRow>(`SELECT ${LOCATION_COLUMNS} FROM locations l WHERE l.id = ANY($1::uuid[])`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function loadPhones(db: Queryable, owners: Owners): Promise<PhoneRow[]> {
  const { where, params } = ownedBy(owners, {
    organization: 'organization_id', location: 'location_id', service: 'service_id', serviceAtLocation: 'service_at_location_id',
  });
  if (!where) return [];
  const { rows } = await db.query<PhoneRow>(
    `SELECT id, organization_id, location_id, service_id, service_at_location_id, number, extension, type, description, languages
       FROM phones WHERE ${where} ORDER BY position, number, id`,
    params,
  );
  return rows;
}

export async function loadSchedules(db: Queryable, owners: Owners): Promise<ScheduleRow[]> {
  const { where, params } = ownedBy(owners, { location: 'location_id', service: 'service_id', serviceAtLocation: 'service_at_location_id' });
  if (!where) return [];
  const { rows } = await db.query<ScheduleRow>(
    `SELECT id, service_id, location_id, service_at_location_id, freq, byday, bysetpos, opens_at, closes_at, valid_from, valid_to, description
       FROM schedules WHERE ${where} ORDER BY freq DESC, bysetpos NULLS FIRST, opens_at, byday, id`,
    params,
  );
  return rows;
}

export async function loadCostOptions(db: Queryable, serviceIds: readonly string[]): Promise<CostOptionRow[]> {
  if (serviceIds.length === 0) return [];
  const { rows } = await db.query<CostOptionRow>(
    `SELECT id, service_id, option, amount::float8 AS amount, currency, amount_description, valid_from, valid_to
       FROM cost_options WHERE service_id = ANY($1::uuid[]) ORDER BY amount NULLS LAST, option, id`,
    [[...serviceIds]],
  );
  return rows;
}

/** The attributes of services, each with its term and the term's taxonomy. */
export async function loadAttributes(db: Queryable, serviceIds: readonly string[]): Promise<AttributeRow[]> {
  if (serviceIds.length === 0) return [];
  const { rows } = await db.query<AttributeRow>(
    `SELECT a.id AS attribute_id, a.service_id, a.link_type, a.value, ${TERM_COLUMNS}
       FROM service_attributes a
       JOIN taxonomy_terms t ON t.id = a.taxonomy_term_id
       JOIN taxonomies x ON x.id = t.taxonomy_id
      WHERE a.service_id = ANY($1::uuid[])
      ORDER BY kentro_fold(x.name), t.position, t.id`,
    [[...serviceIds]],
  );
  return rows;
}

/** Where the services are offered, main centre first. */
export async function loadServiceAtLocations(db: Queryable, serviceIds: readonly string[]): Promise<ServiceAtLocationRow[]> {
  if (serviceIds.length === 0) return [];
  const { rows } = await db.query<ServiceAtLocationRow>(
    `SELECT x.id, x.service_id, x.location_id, x.description
       FROM service_at_locations x JOIN locations l ON l.id = x.location_id
      WHERE x.service_id = ANY($1::uuid[])
      ORDER BY array_position(ARRAY['centre', 'branch', 'mobile-stop'], l.kind), kentro_fold(l.name), x.id`,
    [[...serviceIds]],
  );
  return rows;
}
