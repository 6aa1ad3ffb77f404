/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or jsonb: a value holding one would fail deep inside an
 * insert as a 500. No one types it, so such a value is refused up front as a field error at its path, like any other
 * invalid answer, in the body and the query (keys count too). A path id holding one simply matches nothing (404).
 */
import type { FieldError } from '../../contract/common.ts';
import { describeFieldError } from './describe.ts';

export function nulErrors(value: unknown, path: (string | number)[] = []): FieldError[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ path, code: 'invalid', message: describeFieldError('invalid') }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulErrors(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k.includes('\u0000')
      ? [{ path: [...path, k], code: 'invalid', message: describeFieldError('invalid') }]
      : nulErrors(v, [...path, k])));
  }
  return [];
}
