/** The rows the HSDS endpoints read, and the column lists that produce them. */

export interface ServiceRow {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string;
  url: string | null;
  email: string | null;
  status: string;
  interpretation_services: string | null;
  application_process: string | null;
  fees_description: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  last_modified: Date;
  languages: string[];
  required_documents: string[];
}

export const SERVICE_COLUMNS = `s.id, s.organization_id, s.name, s.alternate_name, s.description, s.url, s.email, s.status,
  s.interpretation_services, s.application_process, s.fees_description, s.eligibility AS eligibility_description,
  s.minimum_age, s.maximum_age, s.updated_at AS last_modified, s.languages, s.required_documents`;

export interface OrganizationRow {
  id: string;
  name: string;
  alternate_name: string | null;
  description: string;
  email: string | null;
  website: string | null;
}

export const ORGANIZATION_COLUMNS = 'o.id, o.name, o.alternate_name, o.description, o.email, o.website';

export interface LocationRow {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  address_1: string;
  city: string;
  region: string;
  state_province: string | null;
  postal_code: string | null;
  country: string;
  accessibility: string | null;
}

export const LOCATION_COLUMNS = `l.id, l.organization_id, l.name, l.alternate_name, l.description, l.transport AS transportation,
  l.latitude::float8 AS latitude, l.longitude::float8 AS longitude, l.address_1, l.city, l.region, l.state_province,
  l.postal_code, l.country, l.accessibility`;

export interface ServiceAtLocationRow {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
}

export interface PhoneRow {
  id: string;
  organization_id: string | null;
  location_id: string | null;
  service_id: string | null;
  service_at_location_id: string | null;
  number: string;
  extension: number | null;
  type: string;
  description: string | null;
  languages: string[];
}

export interface ScheduleRow {
  id: string;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  freq: string;
  byday: string;
  bysetpos: number | null;
  opens_at: string;
  closes_at: string;
  valid_from: string | null;
  valid_to: string | null;
  description: string | null;
}

export interface CostOptionRow {
  id: string;
  service_id: string;
  option: string;
  amount: number | null;
  currency: string;
  amount_description: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface TaxonomyRow {
  id: string;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
}

export const TAXONOMY_COLUMNS = 'x.id, x.name, x.description, x.uri, x.version';

export interface TermRow {
  id: string;
  taxonomy_id: string;
  parent_id: string | null;
  code: string | null;
  name: string;
  description: string;
  language: string;
  term_uri: string | null;
  taxonomy_name: string;
  taxonomy_description: string;
  taxonomy_uri: string | null;
  taxonomy_version: string | null;
}

/** Term columns with their taxonomy's (`t` terms, `x` taxonomies). */
export const TERM_COLUMNS = `t.id, t.taxonomy_id, t.parent_id, t.code, t.name, t.description, t.language, t.term_uri,
  x.name AS taxonomy_name, x.description AS taxonomy_description, x.uri AS taxonomy_uri, x.version AS taxonomy_version`;

export interface AttributeRow extends TermRow {
  attribute_id: string;
  service_id: string;
  link_type: string | null;
  value: string | null;
}
