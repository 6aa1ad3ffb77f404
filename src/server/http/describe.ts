/** English messages for field errors on the server, from the same translation table the widgets use. */
import type { FieldError, FieldErrorCode } from '../../contract/common.ts';
import { en } from '../../core/translations/en.ts';

type Message = string | { other: string };

export function describeFieldError(code: FieldErrorCode, params?: FieldError['params']): string {
  const message: Message = (en.errors as Record<FieldErrorCode, Message>)[code] ?? en.errors.invalid;
  const text = typeof message === 'string' ? message : message.other;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params?.[name] !== undefined ? String(params[name]) : whole));
}
