/** English messages for field errors on the server, from the words the widgets' English strings use too. */
import type { FieldError, FieldErrorCode } from '../../contract/common.ts';
import messages from '../../contract/words/field-errors-en.ts';

export function describeFieldError(code: FieldErrorCode, params?: FieldError['params']): string {
  const text = (messages as Record<FieldErrorCode, string>)[code] ?? messages.invalid;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params?.[name] !== undefined ? String(params[name]) : whole));
}
