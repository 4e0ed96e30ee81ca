import { z } from 'zod';
import { IdSchema, text } from './common';
import { LIMITS } from './limits';

export const PromptPlaceSchema = z.enum(['meeting', 'newtab', 'both']);
export type PromptPlace = z.infer<typeof PromptPlaceSchema>;

/** A customer-chair question, e.g. "Did customers tell us they want this?" */
export const PromptSchema = z.object({
  id: IdSchema,
  text: text(LIMITS.promptText),
  where: PromptPlaceSchema,
});
export type Prompt = z.infer<typeof PromptSchema>;
