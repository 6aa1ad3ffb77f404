/**
 * Validators for HSDS 3.0 documents, built from the official JSON Schemas (2020-12) in
 * `test/fixtures/hsds-3.0/schema` (vendored from the specification): the compiled, self-contained ones for services and list items, and the
 * per-object ones (which `$ref` each other by file name) for taxonomies, terms, organizations and
 * services at locations. Formats (uuid, uri, email, date-time) are checked, not ignored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

const SCHEMA_DIR = fileURLToPath(new URL('../fixtures/hsds-3.0/schema/', import.meta.url));
/** A base for the per-object schemas, so `"$ref": "attribute.json"` resolves among them. */
const BASE = 'https://kentro.test/hsds-3.0/';

const read = (file: string) => JSON.parse(readFileSync(`${SCHEMA_DIR}${file}`, 'utf8')) as Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function isUri(value: string) {
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(value) && Boolean(new URL(value));
  } catch {
    return false;
  }
}

function createAjv() {
  const ajv = new Ajv2020({ allErrors: true, strictSchema: true });
  // Data-package annotations the HSDS schemas carry next to JSON Schema keywords.
  ajv.addVocabulary(['name', 'path', 'datapackage_metadata', 'datapackage_type', 'constraints', 'example', 'core', 'tabular_required']);
  ajv.addFormat('uuid', UUID);
  ajv.addFormat('email', EMAIL);
  ajv.addFormat('uri', isUri);
  ajv.addFormat('date-time', (v: string) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)));
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    ajv.addSchema(read(file), `${BASE}${file}`);
  }
  return ajv;
}

const ajv = createAjv();
const openapi = read('openapi.json') as { paths: Record<string, { get: { responses: { 200: { content: Record<string, { schema: object }> } } } }>; components: { schemas: { Page: object } } };

const compiled = (file: string) => ajv.compile(read(`compiled/${file}`));
const perObject = (file: string) => ajv.getSchema(`${BASE}${file}`)!;

export type Validator = ((doc: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The HSDS page object with every field required, its `contents` validated by `item`. */
function pageOf(item: ValidateFunction) {
  const page = ajv.compile({
    ...openapi.components.schemas.Page,
    required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  });
  const validate = ((doc: unknown): boolean => {
    if (!page(doc)) {
      validate.errors = page.errors;
      return false;
    }
    const contents = (doc as { contents: unknown }).contents;
    if (!Array.isArray(contents)) {
      validate.errors = [{ instancePath: '/contents', message: 'must be array' } as ErrorObject];
      return false;
    }
    for (const [i, c] of contents.entries()) {
      if (!item(c)) {
        validate.errors = item.errors?.map((e) => ({ ...e, instancePath: `/contents/${i}${e.instancePath}` }));
        return false;
      }
    }
    validate.errors = null;
    return true;
  }) as Validator;
  return validate;
}

const serviceFull = compiled('service.json');
const serviceList = compiled('service_list.json');
const organizationList = compiled('organization_list.json');
const serviceAtLocationList = compiled('service_at_location_list.json');

export const hsds = {
  base: ajv.compile(openapi.paths['/']!.get.responses[200].content['application/json']!.schema),
  service: serviceFull,
  servicePage: pageOf(serviceList),
  fullServicePage: pageOf(serviceFull),
  taxonomy: perObject('taxonomy.json'),
  taxonomyPage: pageOf(perObject('taxonomy.json')),
  taxonomyTerm: perObject('taxonomy_term.json'),
  taxonomyTermPage: pageOf(perObject('taxonomy_term.json')),
  organization: perObject('organization.json'),
  organizationPage: pageOf(organizationList),
  serviceAtLocation: perObject('service_at_location.json'),
  serviceAtLocationPage: pageOf(serviceAtLocationList),
  fullServiceAtLocationPage: pageOf(perObject('service_at_location.json')),
} satisfies Record<string, Validator>;

/** Readable errors for an assertion message. */
export const explain = (v: Validator) => ajv.errorsText(v.errors, { separator: '\n' });
