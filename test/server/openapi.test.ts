/** The generated document validates against the official OpenAPI 3.1 schema (bundled, no network). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Validator, type SpecData } from '@seriousme/openapi-schema-validator';
import { generateOpenApi } from '../../src/contract/openapi.ts';
import { routes } from '../../src/contract/routes.ts';

describe('OpenAPI generation', () => {
  it('produces a document that is valid OpenAPI 3.1', async () => {
    const doc = generateOpenApi(routes, { version: '1.2.3', serverUrl: '/api' });
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as SpecData);
    assert.equal(validator.version, '3.1');
    assert.deepEqual(result.errors ?? [], [], JSON.stringify(result.errors, null, 2));
    assert.equal(result.valid, true);
  });

  it('notices an invalid document (the check can fail)', async () => {
    const doc = generateOpenApi(routes, { version: '1.2.3', serverUrl: '/api' }) as unknown as { paths: Record<string, Record<string, { responses: unknown }>> };
    doc.paths['/health']!.get!.responses = 'none';
    const result = await new Validator().validate(doc as unknown as SpecData);
    assert.equal(result.valid, false);
  });
});
