import type { Translation } from './translation.ts';

export const en = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  common: {
    loading: 'Loading…', retry: 'Try again', close: 'Close', cancel: 'Cancel', continue: 'Continue', back: 'Back',
    submit: 'Send', change: 'Change', optional: '(optional)', yes: 'Yes', no: 'No',
    results: { one: '{count} result', other: '{count} results' }, required: 'Required',
  },
  errors: {
    required: 'Enter an answer', tooShort: 'Enter at least {min} characters', tooLong: 'Enter {max} characters or fewer',
    format: 'Enter it in the right format', email: 'Enter an email address like name@example.com',
    phone: 'Enter a phone number like 2431 0 12345 or 69x xxx xxxx', choice: 'Select an option',
    number: 'Enter a number', tooSmall: 'Enter a number of {min} or more', tooBig: 'Enter a number of {max} or less',
    date: 'Enter a real date', consent: 'You need to agree before we can continue', invalid: 'Check this answer',
  },
  client: {
    sending: 'Sending…',
    retrying: 'Connection lost: your answers are kept, trying again…',
    offline: 'We could not reach the service. Your answers are kept. Check your connection and try again.',
    timeout: 'The service took too long to answer. Your answers are kept. Try again.',
    server: 'Something went wrong on our side. Your answers are kept. Try again in a few minutes.',
    rateLimited: 'Too many attempts. Wait a minute and try again; your answers are kept.',
    badResponse: 'The service sent an answer we could not read. Try again later.',
    notFound: 'We could not find what you asked for.',
    unauthorized: 'You are not allowed to see this.',
    conflict: 'Your previous attempt is still being processed. Wait a moment and try again.',
    invalid: 'Some answers need correcting.',
    failedKept: 'Not sent yet. Your answers are kept on this page.',
  },
  form: {
    errorSummaryTitle: 'There is a problem', errorPrefix: 'Error:', checkAnswersTitle: 'Check your answers',
    changeLink: 'Change', notProvided: 'Not provided', referenceLabel: 'Your reference number',
    whatNext: 'What happens next', stepOf: 'Step {step} of {total}',
    honeypot: 'Leave this field empty', choose: 'Choose',
  },
  kiosk: {
    warningTitle: 'Are you still there?',
    warningBody: { one: 'To protect your privacy, this form will be cleared in {count} second.', other: 'To protect your privacy, this form will be cleared in {count} seconds.' },
    stay: 'I am still here', resetNow: 'Clear now', wiped: 'The form was cleared to protect your privacy.',
  },
  provider: { missingApi: 'This service is not connected to the centre yet.' },
} satisfies Translation;
