import { z } from 'zod';
import { IdSchema } from './common';
import { LIMITS } from './limits';
import { optionalPlainText } from './plain-text';

/** One judge's scores of one entry: 1–5 per criterion, feedback to the team (shown unsigned) and a note for the panel only. */
export const ScorecardSchema = z.strictObject({
  scores: z
    .array(z.strictObject({ criterionId: IdSchema, score: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5') }))
    .max(LIMITS.criteriaPerCategory)
    // Two scores for one criterion would leave the weighted score ambiguous.
    .refine((scores) => new Set(scores.map((s) => s.criterionId)).size === scores.length, 'must not score a criterion twice'),
  /** Typed in a text area: a blank one means none (so it does not count as feedback), line endings made "\n". */
  feedback: optionalPlainText(LIMITS.feedback),
  panelNote: optionalPlainText(LIMITS.panelNote),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;
