/**
 * Each page's slice of the contract's schema: with zod, so it loads as a chunk of its own while the list of
 * opportunities shows (the widget starts fetching it when it connects).
 */
import * as z from 'zod/mini';
import { AgeBand, Email, PersonName, Phone } from '../../contract/people.ts';
import { Guardian } from '../../contract/volunteering.ts';

export const ShiftsStep = z.object({ shiftIds: z.array(z.string()).check(z.minLength(1, 'required')) });
export const AboutStep = z.object({ name: PersonName, email: Email, phone: z.optional(Phone), ageBand: AgeBand });
export const GuardianStep = Guardian;
export const MoreStep = z.object({ consent: z.literal(true, 'consent') });
