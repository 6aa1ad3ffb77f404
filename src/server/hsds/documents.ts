/**
 * Rows → HSDS 3.0 documents. Absent values are left out (`undefined` is not serialised): the official schemas
 * allow a field to be missing but not to be `null`.
 */
import type * as z from 'zod/mini';
import type {
  HsdsAttribute, HsdsCostOption, HsdsLanguage, HsdsLocation, HsdsOrganization, HsdsPhone, HsdsRequiredDocument,
  HsdsSchedule, HsdsService, HsdsTaxonomy, HsdsTaxonomyTerm,
} from '../../contract/hsds.ts';
import { derivedId } from './ids.ts';
import type {
  AttributeRow, CostOptionRow, LocationRow, OrganizationRow, PhoneRow, ScheduleRow, ServiceRow, TaxonomyRow, TermRow,
} from './rows.ts';

type Doc<S extends z.ZodMiniType> = z.input<S>;
export type ServiceDoc = Doc<typeof HsdsService>;
export type LocationDoc = Doc<typeof HsdsLocation>;
export type OrganizationDoc = Doc<typeof HsdsOrganization>;
export type PhoneDoc = Doc<typeof HsdsPhone>;
export type ScheduleDoc = Doc<typeof HsdsSchedule>;

const opt = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** Names of languages in Greek, the directory's language; Intl's names for the rest. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = { fa: 'Φαρσί', rom: 'Ρομανί' };
const displayNames = new Intl.DisplayNames(['el'], { type: 'language', fallback: 'code' });

function languageName(code: string): string {
  try {
    return LANGUAGE_NAMES[code] ?? displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Language documents from ISO 639 codes, owned by a service or a phone. */
export function languageDocs(codes: readonly string[], owner: 'service_id' | 'phone_id', ownerId: string): Doc<typeof HsdsLanguage>[] {
  return codes.map((code) => ({ id: derivedId(ownerId, 'language', code), [owner]: ownerId, name: languageName(code), code }));
}

export function taxonomyDoc(row: TaxonomyRow): Doc<typeof HsdsTaxonomy> {
  return { id: row.id, name: row.name, description: row.description, uri: opt(row.uri), version: opt(row.version) };
}

export function termDoc(row: TermRow): Doc<typeof HsdsTaxonomyTerm> {
  return {
    id: row.id,
    code: opt(row.code),
    name: row.name,
    description: row.description,
    parent_id: opt(row.parent_id),
    taxonomy: row.taxonomy_name,
    taxonomy_id: row.taxonomy_id,
    language: row.language,
    term_uri: opt(row.term_uri),
    taxonomy_detail: taxonomyDoc({
      id: row.taxonomy_id, name: row.taxonomy_name, description: row.taxonomy_description, uri: row.taxonomy_uri, version: row.taxonomy_version,
    }),
  };
}

export function attributeDoc(row: AttributeRow): Doc<typeof HsdsAttribute> {
  return {
    id: row.attribute_id,
    link_id: row.service_id,
    link_type: opt(row.link_type),
    link_entity: 'service',
    taxonomy_term_id: row.id,
    value: opt(row.value),
    taxonomy_term: termDoc(row),
  };
}

export function organizationDoc(row: OrganizationRow): OrganizationDoc {
  return {
    id: row.id, name: row.name, alternate_name: opt(row.alternate_name), description: row.description,
    email: opt(row.email), website: opt(row.website),
  };
}

export function phoneDoc(row: PhoneRow): PhoneDoc {
  return {
    id: row.id,
    organization_id: opt(row.organization_id),
    location_id: opt(row.location_id),
    service_id: opt(row.service_id),
    service_at_location_id: opt(row.service_at_location_id),
    number: row.number,
    extension: opt(row.extension),
    type: row.type,
    description: opt(row.description),
    languages: languageDocs(row.languages, 'phone_id', row.id),
  };
}

/**
 * A schedule in HSDS's RRULE fields. Kentro stores a monthly "first Tuesday" as byday TU + bysetpos 1; HSDS has
 * no bysetpos and writes it `1TU`. Times are wall-clock times of the centre's zone, `HH:MM`.
 */
export function scheduleDoc(row: ScheduleRow): ScheduleDoc {
  const byday = row.bysetpos === null ? row.byday : row.byday.split(',').map((d) => `${row.bysetpos}${d}`).join(',');
  return {
    id: row.id,
    service_id: opt(row.service_id),
    location_id: opt(row.location_id),
    service_at_location_id: opt(row.service_at_location_id),
    freq: row.freq,
    interval: 1,
    byday,
    opens_at: row.opens_at.slice(0, 5),
    closes_at: row.closes_at.slice(0, 5),
    valid_from: opt(row.valid_from),
    valid_to: opt(row.valid_to),
    description: opt(row.description),
  };
}

export function costOptionDoc(row: CostOptionRow): Doc<typeof HsdsCostOption> {
  return {
    id: row.id, service_id: row.service_id, option: row.option, amount: opt(row.amount), currency: row.currency,
    amount_description: opt(row.amount_description), valid_from: opt(row.valid_from), valid_to: opt(row.valid_to),
  };
}

export function requiredDocumentDocs(row: ServiceRow): Doc<typeof HsdsRequiredDocument>[] {
  return row.required_documents.map((document, i) => ({ id: derivedId(row.id, 'required_document', i), service_id: row.id, document }));
}

/** A service's one-to-one fields: the HSDS list form (plus its organization when given). */
export function serviceListDoc(row: ServiceRow, organization?: OrganizationRow): ServiceDoc {
  return {
    id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    alternate_name: opt(row.alternate_name),
    description: row.description,
    url: opt(row.url),
    email: opt(row.email),
    status: row.status,
    interpretation_services: opt(row.interpretation_services),
    application_process: opt(row.application_process),
    fees_description: opt(row.fees_description),
    eligibility_description: opt(row.eligibility_description),
    minimum_age: opt(row.minimum_age),
    maximum_age: opt(row.maximum_age),
    last_modified: row.last_modified.toISOString(),
    organization: organization && organizationDoc(organization),
  };
}

/** A location's one-to-one fields: the form nested in list items. */
export function locationListDoc(row: LocationRow): LocationDoc {
  return {
    id: row.id,
    location_type: 'physical',
    organization_id: row.organization_id,
    name: row.name,
    alternate_name: opt(row.alternate_name),
    description: opt(row.description),
    transportation: opt(row.transportation),
    latitude: opt(row.latitude),
    longitude: opt(row.longitude),
  };
}

/** A location with its address, accessibility, phones and hours. */
export function locationDoc(row: LocationRow, phones: readonly PhoneRow[], schedules: readonly ScheduleRow[]): LocationDoc {
  return {
    ...locationListDoc(row),
    addresses: [{
      id: derivedId(row.id, 'address'),
      location_id: row.id,
      address_1: row.address_1,
      city: row.city,
      region: row.region,
      // HSDS requires both; a location added without them still yields a valid document.
      state_province: row.state_province ?? row.region,
      postal_code: row.postal_code ?? '',
      country: row.country,
      address_type: 'physical',
    }],
    accessibility: row.accessibility
      ? [{ id: derivedId(row.id, 'accessibility'), location_id: row.id, description: row.accessibility }]
      : [],
    phones: phones.map(phoneDoc),
    schedules: schedules.map(scheduleDoc),
  };
}
