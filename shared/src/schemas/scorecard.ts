import { z } from 'zod';
import { IdSchema, text } from './common';
import { LIMITS } from './limits';

/** One judge's scores of one entry: 1–5 per criterion, feedback to the team (shown unsigned) and a note for the panel only. */
export const ScorecardSchema = z.strictObject({
  scores: z
    .array(z.strictObject({ criterionId: IdSchema, score: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5') }))
    .max(LIMITS.criteriaPerCategory),
  feedback: text(LIMITS.feedback).optional(),
  panelNote: text(LIMITS.panelNote).optional(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;
