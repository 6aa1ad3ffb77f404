/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: values that mostly satisfy the schema
 * ("valid-ish": patterns and bounds are honoured where fast-check can, not guaranteed), with strings of a known
 * kind drawn now and then from pools of real values (ids of seeded rows, references, tokens), so that generated
 * requests reach past validation into the handlers and the database.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
}

/** Real values to mix in, by what they are: `uuid` (ids of existing rows) or a property or parameter name. */
export type Pools = Readonly<Record<string, readonly string[]>>;

export interface SchemaContext {
  /** `components.schemas` of the document, for `$ref`. */
  components: Record<string, JsonSchema>;
  pools: Pools;
}

const FORMAT: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  email: () => fc.emailAddress(),
  date: () => fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  'date-time': () => fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
};

function patternArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern, 'u'));
  } catch {
    return undefined;
  }
}

function stringArbitrary(schema: JsonSchema, pool: readonly string[] | undefined): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Math.max(min, 40);
  const shaped = (schema.format ? FORMAT[schema.format]?.() : undefined) ?? (schema.pattern ? patternArbitrary(schema.pattern) : undefined) ??
    fc.string({ minLength: min, maxLength: Math.min(max, min + 60), unit: 'grapheme' });
  // Now and then hostile characters among ordinary ones: NUL (PostgreSQL cannot store U+0000 in text), other
  // controls, a line separator, a byte order mark.
  const hostile = fc.constantFrom('\u0000', '\u0008', '\u001b', '\u007f', '\u2028', '\ufeff');
  const anyText = fc.string({ minLength: Math.max(min, 1), maxLength: Math.min(max, min + 20), unit: fc.oneof(hostile, fc.constantFrom('a', 'β', 'ع', ' ')) });
  const bounded = fc.oneof({ arbitrary: shaped, weight: 5 }, { arbitrary: anyText, weight: 1 })
    .map((s) => (s.length > max ? s.slice(0, max) : s));
  if (!pool?.length) return bounded;
  const real: fc.Arbitrary<string> = fc.constantFrom(...pool);
  return fc.oneof({ arbitrary: real, weight: 2 }, { arbitrary: bounded, weight: 1 });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1_000_000;
  const max = schema.maximum ?? 1_000_000;
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** A value for `schema`; `name` is the property or parameter it is for (chooses a pool). */
export function arbitraryFor(schema: JsonSchema, ctx: SchemaContext, name?: string, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = ctx.components[schema.$ref.replace('#/components/schemas/', '')];
    return target ? arbitraryFor(target, ctx, name, depth) : fc.jsonValue({ maxDepth: 2 });
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((s) => arbitraryFor(s, ctx, name, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const pool = (name && ctx.pools[name]) || (schema.format === 'uuid' ? ctx.pools.uuid : undefined);
  switch (type) {
    case 'string':
      return stringArbitrary(schema, pool);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = schema.items ? arbitraryFor(schema.items, ctx, name, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      return fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, (schema.minItems ?? 0) + 5) });
    }
    case 'object': {
      if (depth > 6 || !schema.properties) return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 });
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, prop] of Object.entries(schema.properties)) record[key] = arbitraryFor(prop, ctx, key, depth + 1);
      const requiredKeys = (schema.required ?? []).filter((k) => k in record);
      return fc.record(record, { requiredKeys });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
