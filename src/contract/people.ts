/**
 * Answers about people that every form asks the same way: names, email addresses, phone numbers, age bands and
 * the language of messages. One definition, so the intake form, the volunteer signup and the school referral
 * accept and refuse exactly the same input, in the browser and on the server.
 */
import * as z from 'zod/mini';
import { AGE_BANDS, MESSAGE_LOCALES } from './people-values.ts';

export * from './people-values.ts';

/** A person's name as they write it: 2–120 characters after trimming. */
export const PersonName = z.string().check(z.trim(), z.minLength(1, 'required'), z.minLength(2, 'tooShort'), z.maxLength(120));

/** An email address (trimmed, at most 254 characters). */
export const Email = z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(254), z.email('email'));

/**
 * A phone number: 10–15 digits, optionally with a leading `+` and spaces, dots, dashes or brackets between digits,
 * so `2431 0 12345`, `69x xxx xxxx` and `+30 694 123 4567` are all accepted.
 */
export const Phone = z.string().check(
  z.trim(),
  z.minLength(1, 'required'),
  z.maxLength(24),
  z.regex(/^\+?[\d\s().-]+$/, 'phone'),
  z.refine((v) => { const n = v.replace(/\D/g, '').length; return n >= 10 && n <= 15; }, 'phone'),
);

/** Optional free text of at most `max` characters; an empty answer is treated as no answer. */
export const OptionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));

/**
 * Age bands, chosen at the thresholds that matter: under 15 (under the age of digital consent in Greece), 15–17
 * (a minor: a guardian must agree), 18–20, 21–64, 65 and over.
 */
export const AgeBand = z.enum(AGE_BANDS, 'choice');
export type AgeBand = z.infer<typeof AgeBand>;

/** Languages Kentro writes messages in. */
export const MessageLocale = z.enum(MESSAGE_LOCALES);
export type MessageLocale = z.infer<typeof MessageLocale>;
