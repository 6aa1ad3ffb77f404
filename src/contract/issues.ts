/**
 * Turns zod issues into the contract's field errors. Schemas put a translation key as the custom message
 * (`z.minLength(1, 'required')`); zod's own codes map onto the same keys otherwise.
 */
import type * as z from 'zod/mini';
import type { FieldError } from './common.ts';
import { FIELD_ERROR_CODES, type FieldErrorCode } from './common-values.ts';

const KNOWN = new Set<string>(FIELD_ERROR_CODES);

type Issue = z.core.$ZodIssue;

function codeOf(issue: Issue): FieldErrorCode {
  if (issue.message && KNOWN.has(issue.message)) return issue.message as FieldErrorCode;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? 'required' : 'invalid';
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? (issue.minimum === 1 ? 'required' : 'tooShort') : 'tooSmall';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'tooLong' : 'tooBig';
    case 'invalid_format':
      return issue.format === 'email' ? 'email' : 'format';
    case 'invalid_value':
      return 'choice';
    default:
      return 'invalid';
  }
}

function paramsOf(issue: Issue): FieldError['params'] {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  return undefined;
}

/** Field errors for a list of zod issues; `message` is filled by `describe` (English on the server). */
export function toFieldErrors(issues: readonly Issue[], describe: (code: FieldErrorCode, params?: FieldError['params']) => string): FieldError[] {
  return issues.map((issue) => {
    const code = codeOf(issue);
    const params = paramsOf(issue);
    const error: FieldError = { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code, message: describe(code, params) };
    if (params) error.params = params;
    return error;
  });
}
