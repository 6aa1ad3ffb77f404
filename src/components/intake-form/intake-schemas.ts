/**
 * Each page's part of the contract's schema: with zod, so it loads as a chunk of its own while the first page
 * shows (the widget starts fetching it when it connects).
 */
import * as z from 'zod/mini';
import { IntakeAboutYou, IntakeContact, IntakeFacts, IntakeLanguage, IntakeNeeds } from '../../contract/intake.ts';
import { OptionalText } from '../../contract/people.ts';
import type { QUESTION_STEPS } from './intake-flow.ts';

/** Each page's schema and the part of the answers it checks. */
export const STEP_SCHEMAS: Record<(typeof QUESTION_STEPS)[number], { schema: z.ZodMiniType; prefix: string[] }> = {
  needs: { schema: IntakeNeeds, prefix: [] },
  about: { schema: IntakeAboutYou, prefix: ['about'] },
  contact: { schema: IntakeContact, prefix: ['contact'] },
  language: { schema: IntakeLanguage, prefix: ['language'] },
  access: { schema: z.object({ accessibility: OptionalText(1000) }), prefix: [] },
  facts: { schema: IntakeFacts, prefix: ['facts'] },
};
