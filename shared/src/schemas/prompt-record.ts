import { z } from 'zod';
import { IdSchema } from './common';
import { LIMITS } from './limits';
import { plainText } from './plain-text';
import { PromptPlaceSchema, PromptSchema } from './prompt';
import { RevisionSchema } from './revision';

const promptFields = { text: plainText(LIMITS.promptText), where: PromptPlaceSchema };

/** `POST /api/v1/admin/prompts`: a new customer-chair question. */
export const PromptDraftSchema = z.strictObject({ id: IdSchema.optional(), ...promptFields });
export type PromptDraft = z.infer<typeof PromptDraftSchema>;

/** `PUT /api/v1/admin/prompts/:id`. */
export const PromptEditSchema = z.strictObject({ ...promptFields, revision: RevisionSchema });
export type PromptEdit = z.infer<typeof PromptEditSchema>;

export const PromptRecordSchema = PromptSchema.extend({ revision: RevisionSchema });
export type PromptRecord = z.infer<typeof PromptRecordSchema>;

export const PromptListSchema = z.object({ prompts: z.array(PromptRecordSchema) });
export type PromptList = z.infer<typeof PromptListSchema>;
