/** Fully nested HSDS documents, assembled from the batch loaders (a fixed number of queries per page). */
import type { Queryable } from '../db/types.ts';
import {
  attributeDoc, costOptionDoc, languageDocs, locationDoc, organizationDoc, phoneDoc, requiredDocumentDocs, scheduleDoc,
  serviceListDoc, type LocationDoc, type ServiceDoc,
} from './documents.ts';
import {
  loadAttributes, loadCostOptions, loadLocations, loadOrganizations, loadPhones, loadSchedules, loadServiceAtLocations,
} from './loaders.ts';
import type { LocationRow, PhoneRow, ScheduleRow, ServiceAtLocationRow, ServiceRow } from './rows.ts';
import { groupBy } from './sql.ts';

/** Location documents from their rows, phones and hours (phones and hours of other owners are ignored). */
function locationDocs(locations: Map<string, LocationRow>, phones: readonly PhoneRow[], schedules: readonly ScheduleRow[]) {
  const phonesOf = groupBy(phones, (p) => p.location_id);
  const schedulesOf = groupBy(schedules, (s) => s.location_id);
  return new Map([...locations.values()].map((l) => [l.id, locationDoc(l, phonesOf.get(l.id) ?? [], schedulesOf.get(l.id) ?? [])]));
}

/** Locations with their addresses, accessibility, phones and hours, by id. */
export async function nestLocations(db: Queryable, ids: readonly string[]): Promise<Map<string, LocationDoc>> {
  const [locations, phones, schedules] = await Promise.all([
    loadLocations(db, ids), loadPhones(db, { location: ids }), loadSchedules(db, { location: ids }),
  ]);
  return locationDocs(locations, phones, schedules);
}

/** Services at locations, each with its own phones and hours and its nested location (three queries). */
export async function nestServiceAtLocations(db: Queryable, rows: readonly ServiceAtLocationRow[]) {
  const ids = rows.map((r) => r.id);
  const locationIds = [...new Set(rows.map((r) => r.location_id))];
  const owners = { location: locationIds, serviceAtLocation: ids };
  const [locationRows, phones, schedules] = await Promise.all([
    loadLocations(db, locationIds), loadPhones(db, owners), loadSchedules(db, owners),
  ]);
  const locations = locationDocs(locationRows, phones, schedules);
  const phonesOf = groupBy(phones, (p) => p.service_at_location_id);
  const schedulesOf = groupBy(schedules, (s) => s.service_at_location_id);
  return rows.map((r) => ({
    id: r.id,
    service_id: r.service_id,
    location_id: r.location_id,
    description: r.description ?? undefined,
    phones: (phonesOf.get(r.id) ?? []).map(phoneDoc),
    schedules: (schedulesOf.get(r.id) ?? []).map(scheduleDoc),
    location: locations.get(r.location_id),
    attributes: [],
  }));
}

/** Fully nested services, in the order of `rows`. */
export async function nestServices(db: Queryable, rows: readonly ServiceRow[]): Promise<ServiceDoc[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const organizationIds = [...new Set(rows.map((r) => r.organization_id))];
  const [organizations, placeRows, phones, schedules, costs, attributes] = await Promise.all([
    loadOrganizations(db, organizationIds),
    loadServiceAtLocations(db, ids),
    loadPhones(db, { service: ids, organization: organizationIds }),
    loadSchedules(db, { service: ids }),
    loadCostOptions(db, ids),
    loadAttributes(db, ids),
  ]);
  const places = groupBy(await nestServiceAtLocations(db, placeRows), (p) => p.service_id);
  const phonesOf = groupBy(phones, (p) => p.service_id);
  const organizationPhones = groupBy(phones, (p) => p.organization_id);
  const schedulesOf = groupBy(schedules, (s) => s.service_id);
  const costsOf = groupBy(costs, (c) => c.service_id);
  const attributesOf = groupBy(attributes, (a) => a.service_id);
  return rows.map((r) => {
    const organization = organizations.get(r.organization_id);
    return {
      ...serviceListDoc(r),
      organization: organization && { ...organizationDoc(organization), phones: (organizationPhones.get(organization.id) ?? []).map(phoneDoc) },
      phones: (phonesOf.get(r.id) ?? []).map(phoneDoc),
      schedules: (schedulesOf.get(r.id) ?? []).map(scheduleDoc),
      service_areas: [],
      service_at_locations: places.get(r.id) ?? [],
      languages: languageDocs(r.languages, 'service_id', r.id),
      cost_options: (costsOf.get(r.id) ?? []).map(costOptionDoc),
      required_documents: requiredDocumentDocs(r),
      attributes: (attributesOf.get(r.id) ?? []).map(attributeDoc),
    };
  });
}
