import { z } from 'zod';
import { IdSchema, IsoDateSchema, text } from './common';
import { LIMITS } from './limits';
import { RevisionSchema } from './revision';

/**
 * What a criterion judges. `customer_acknowledgement` is "customers
 * acknowledged the improvement": its evidence is a quote or a source. There
 * is no kind for usage: how often the product was used ("I did this"
 * counts, adoption) is never a criterion, and the schema refuses it.
 */
export const CriterionKindSchema = z.enum(['outcome', 'method', 'customer_acknowledgement'], {
  message: 'must be "outcome", "method" or "customer_acknowledgement" (usage figures are never criteria)',
});
export type CriterionKind = z.infer<typeof CriterionKindSchema>;

/** Words that make a criterion about using the product, not about the customer. */
const USAGE_FIGURES =
  /\b(i did this|click(s|ed|ing)?|page ?views?|views|adoption|usage|active installs?|installs|log-?ins?|stories (seen|viewed)|prompts? (shown|inserted)|new tabs?|customer chair)\b/i;
const USAGE_MESSAGE = 'must judge what changed for the customer: usage figures ("I did this" counts, adoption, views) are never criteria';
const noUsage = (max: number) => text(max).refine((value) => !USAGE_FIGURES.test(value), USAGE_MESSAGE);

export const CriterionSchema = z.strictObject({
  id: IdSchema,
  name: noUsage(LIMITS.criterionName),
  /** What the judges look for, shown on their scorecard. */
  guidance: noUsage(LIMITS.criterionGuidance),
  /** The evidence that counts, shown to teams on the entry form ("a quote or source from the customer"). */
  evidence: noUsage(LIMITS.criterionEvidence),
  kind: CriterionKindSchema,
  /** Relative weight within the category, 1–10. */
  weight: z.number().int().min(1).max(LIMITS.criterionWeightMax),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const CategorySchema = z.strictObject({
  id: IdSchema,
  name: text(LIMITS.categoryName),
  description: text(LIMITS.categoryDescription),
  criteria: z
    .array(CriterionSchema)
    .min(1, 'must have at least one criterion')
    .max(LIMITS.criteriaPerCategory)
    .refine((criteria) => new Set(criteria.map((c) => c.id)).size === criteria.length, 'must not repeat a criterion id'),
});
export type Category = z.infer<typeof CategorySchema>;

/** A round's fields but its id: what a CX lead writes (RoundDraftSchema, RoundEditSchema build on them). */
export const roundFields = {
  name: text(LIMITS.roundName),
  submissionOpens: IsoDateSchema,
  submissionCloses: IsoDateSchema,
  judgingEnds: IsoDateSchema,
  announceOn: IsoDateSchema,
  categories: z
    .array(CategorySchema)
    .min(1, 'must have at least one category')
    .max(LIMITS.categoriesPerRound)
    .refine((categories) => new Set(categories.map((c) => c.id)).size === categories.length, 'must not repeat a category id'),
};

type RoundDays = { submissionOpens: string; submissionCloses: string; judgingEnds: string; announceOn: string };

/** The round's days come in order: submissions open, close, judging ends, winners are announced. */
export function checkRoundDays(round: RoundDays, ctx: z.RefinementCtx): void {
  const order: [keyof RoundDays, keyof RoundDays][] = [
    ['submissionOpens', 'submissionCloses'],
    ['submissionCloses', 'judgingEnds'],
    ['judgingEnds', 'announceOn'],
  ];
  for (const [before, after] of order) {
    if (round[before] > round[after]) {
      ctx.addIssue({ code: 'custom', path: [after], message: `must not be before ${before} (${round[before]})` });
    }
  }
}

/**
 * A recognition round ("2027 Q1"), as a CX lead defines it: teams submit
 * from `submissionOpens` through `submissionCloses`, judges score through
 * `judgingEnds`, winners are announced on `announceOn` (company-local days).
 */
export const RoundSchema = z.strictObject({ id: IdSchema, ...roundFields }).superRefine(checkRoundDays);
export type Round = z.infer<typeof RoundSchema>;

/** Where a round stands on a company-local day (roundPhase). */
export const RoundPhaseSchema = z.enum(['upcoming', 'open', 'judging', 'awaiting_announcement', 'announced']);
export type RoundPhase = z.infer<typeof RoundPhaseSchema>;

/** A round as the server keeps it. */
export const RoundRecordSchema = RoundSchema.and(
  z.object({
    revision: z.number().int().positive(),
    phase: RoundPhaseSchema,
    /** When the chair published the results (winners and feedback), or null. */
    resultsPublishedAt: z.string().nullable(),
  }),
);
export type RoundRecord = z.infer<typeof RoundRecordSchema>;

/** What the extension is sent: the rounds open for entries (and the next one, for resubmission), rubric included. */
export const OpenRoundsSchema = z.object({ rounds: z.array(RoundSchema) });
export type OpenRounds = z.infer<typeof OpenRoundsSchema>;

/** `POST /api/v1/admin/recognition/rounds`: a new round; without an id, one is made from the name ("2027 Q1" → "2027-q1"). */
export const RoundDraftSchema = z.strictObject({ id: IdSchema.optional(), ...roundFields }).superRefine(checkRoundDays);
export type RoundDraft = z.infer<typeof RoundDraftSchema>;

/** `PUT /api/v1/admin/recognition/rounds/:id`: the whole round as edited, with the revision it was opened on. */
export const RoundEditSchema = z.strictObject({ ...roundFields, revision: RevisionSchema }).superRefine(checkRoundDays);
export type RoundEdit = z.infer<typeof RoundEditSchema>;

/** `GET /api/v1/admin/recognition/rounds`: every round, the newest submission window first. */
export const RoundListSchema = z.object({ rounds: z.array(RoundRecordSchema) });
export type RoundList = z.infer<typeof RoundListSchema>;
