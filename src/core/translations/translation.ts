/**
 * The shape every locale fills. A locale missing a key fails the type check.
 * Values are plain strings with `{placeholders}`, or plural forms chosen with `Intl.PluralRules` by `{count}`.
 */
import type { FieldErrorCode } from '../../contract/common.ts';

export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

export interface Translation {
  $code: string;
  $name: string;
  $dir: 'ltr' | 'rtl';
  common: {
    loading: Message; retry: Message; close: Message; cancel: Message; continue: Message; back: Message;
    submit: Message; change: Message; optional: Message; yes: Message; no: Message; results: Message;
    required: Message;
  };
  errors: Record<FieldErrorCode, Message>;
  client: {
    sending: Message; retrying: Message; offline: Message; timeout: Message; server: Message;
    rateLimited: Message; badResponse: Message; notFound: Message; unauthorized: Message; conflict: Message;
    invalid: Message; failedKept: Message;
  };
  form: {
    errorSummaryTitle: Message; errorPrefix: Message; checkAnswersTitle: Message; changeLink: Message;
    notProvided: Message; referenceLabel: Message; whatNext: Message; stepOf: Message; honeypot: Message;
    choose: Message;
  };
  kiosk: { warningTitle: Message; warningBody: Message; stay: Message; resetNow: Message; wiped: Message };
  provider: { missingApi: Message };
}

export type Section = Exclude<keyof Translation, '$code' | '$name' | '$dir'>;
/** Every key of every section, as `section.key`. */
export type TranslationKey = { [S in Section]: `${S}.${keyof Translation[S] & string}` }[Section];
/** Single-string overrides a council may give, per locale. */
export type StringOverrides = Partial<Record<TranslationKey, Message>>;
