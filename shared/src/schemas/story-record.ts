import { z } from 'zod';
import { IdSchema, IsoDateSchema, UtcInstantSchema } from './common';
import { LIMITS } from './limits';
import { optionalPlainText, plainText } from './plain-text';
import { RevisionSchema } from './revision';
import { RoleIdSchema } from './role';
import { StorySchema } from './story';

const storyFields = {
  title: plainText(LIMITS.storyTitle),
  customer: plainText(LIMITS.customer),
  quote: optionalPlainText(LIMITS.quote),
  body: plainText(LIMITS.body),
  impact: optionalPlainText(LIMITS.impact),
  source: optionalPlainText(LIMITS.source),
  tags: z.array(plainText(LIMITS.tag)).max(LIMITS.tags).default([]),
  /** Role ids this story speaks to most; absent or empty means everyone. */
  roles: z.array(RoleIdSchema).max(50).optional(),
  /** Department ids credited with the outcome; absent or empty means none. */
  credits: z.array(IdSchema).max(LIMITS.creditsPerStory).optional(),
  publishOn: z.preprocess((v) => (v === '' || v === null ? undefined : v), IsoDateSchema.optional()),
};

/** `POST /api/v1/admin/stories`: a new story; without an id, one is made from the title. */
export const StoryDraftSchema = z.strictObject({ id: IdSchema.optional(), ...storyFields });
export type StoryDraft = z.infer<typeof StoryDraftSchema>;

/** `PUT /api/v1/admin/stories/:id`: every editable field, and the revision it was edited on. */
export const StoryEditSchema = z.strictObject({ ...storyFields, revision: RevisionSchema });
export type StoryEdit = z.infer<typeof StoryEditSchema>;

/** A story as the editor sees it: the story plus its revision and times. */
export const StoryRecordSchema = StorySchema.extend({
  revision: RevisionSchema,
  createdAt: UtcInstantSchema,
  updatedAt: UtcInstantSchema,
});
export type StoryRecord = z.infer<typeof StoryRecordSchema>;

/** `GET /api/v1/admin/stories?q=&status=active|archived|all`. */
export const StoryListQuerySchema = z.object({
  q: z.string().max(200).default(''),
  status: z.enum(['active', 'archived', 'all']).default('all'),
});
export const StoryListSchema = z.object({ stories: z.array(StoryRecordSchema) });
export type StoryList = z.infer<typeof StoryListSchema>;

/** Archiving also takes the story off the days it was scheduled for, from today on. */
export const StoryArchivedSchema = z.object({ story: StoryRecordSchema, unscheduledDays: z.array(IsoDateSchema) });
export type StoryArchived = z.infer<typeof StoryArchivedSchema>;
