/** Field error codes and the reference pattern without zod, for the widgets' first load. */

/**
 * Codes of field errors. Each is also a translation key under `errors.*`, so a widget shows the same message
 * whether the browser or the server found the problem.
 */
export const FIELD_ERROR_CODES = [
  'required', 'tooShort', 'tooLong', 'format', 'email', 'phone', 'choice', 'number', 'tooSmall', 'tooBig',
  'date', 'consent', 'invalid', 'underConsentAge', 'tooYoung', 'shiftFull', 'overlap', 'alreadySignedUp',
  'shiftUnavailable',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** A human-friendly reference number, e.g. `ΚΚ-2026-000123` (see `Reference`). */
export const REFERENCE_PATTERN = /^[A-ZΑ-Ω]{2,3}-\d{4}-\d{6,}$/u;
