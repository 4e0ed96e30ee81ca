import { z } from 'zod';
import { IdSchema, IsoDateSchema, text } from './common';
import { LIMITS } from './limits';
import { RoleIdSchema } from './role';

/**
 * The mark of a story a recognition round's winner became ("Recognized:
 * <category>, <round>"), shown with the story on every surface. Bounded as
 * the round, category and team names it copies, so any winner's mark fits.
 */
export const RecognitionMarkSchema = z.strictObject({
  roundName: text(LIMITS.roundName),
  categoryName: text(LIMITS.categoryName),
  teamName: text(LIMITS.teamName),
});
export type RecognitionMark = z.infer<typeof RecognitionMarkSchema>;

/** A customer story: plain text only, never HTML, wherever it is shown. */
export const StorySchema = z.object({
  id: IdSchema,
  title: text(LIMITS.storyTitle),
  customer: text(LIMITS.customer),
  quote: text(LIMITS.quote).optional(),
  /** Plain text; paragraphs separated by blank lines. */
  body: text(LIMITS.body),
  /** What changed for the customer, ideally with a before and after. */
  impact: text(LIMITS.impact).optional(),
  /** Where the story came from: survey verbatim, support ticket, account team… */
  source: text(LIMITS.source).optional(),
  tags: z.array(text(LIMITS.tag)).max(LIMITS.tags).default([]),
  /** Role ids this story speaks to most; absent means everyone. */
  roles: z.array(RoleIdSchema).max(50).optional(),
  /** Not shown by the rotation before this local day. */
  publishOn: IsoDateSchema.optional(),
  archived: z.boolean().default(false),
  /**
   * The departments behind the customer outcome (department ids): each gets a
   * "Thank <department>" button wherever the story is shown. A recognized
   * winner's story credits the team's department.
   */
  credits: z.array(IdSchema).max(LIMITS.creditsPerStory).optional(),
  /** Set only on the story a recognition round's winner became (never edited by hand). */
  recognition: RecognitionMarkSchema.optional(),
});
export type Story = z.infer<typeof StorySchema>;
