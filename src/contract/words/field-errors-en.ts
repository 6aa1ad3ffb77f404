/**
 * English messages for field errors: the server's problem details (`errors[].message`) and the widgets' English
 * strings come from here alike. `{min}` and `{max}` are filled in from the error's params.
 */
import type { FieldErrorCode } from '../common-values.ts';

export default {
  required: 'Enter an answer', tooShort: 'Enter at least {min} characters', tooLong: 'Enter {max} characters or fewer',
  format: 'Enter it in the right format', email: 'Enter an email address like name@example.com',
  phone: 'Enter a phone number like 2431 0 12345 or 69x xxx xxxx', choice: 'Select an option',
  number: 'Enter a number', tooSmall: 'Enter a number of {min} or more', tooBig: 'Enter a number of {max} or less',
  date: 'Enter a real date', consent: 'You need to agree before we can continue', invalid: 'Check this answer',
  underConsentAge: 'People under 15 cannot sign up themselves', tooYoung: 'This role is for people aged {min} or over',
  shiftFull: 'This shift has just filled up', overlap: 'You already have a shift at this time',
  alreadySignedUp: 'You are already signed up for this shift', shiftUnavailable: 'This shift is no longer available',
} satisfies Record<FieldErrorCode, string>;
