import { z } from 'zod';
import { IdSchema, IsoDateSchema, UtcInstantSchema } from './common';
import { LIMITS } from './limits';
import { EntryOutcomeSchema, SelfCheckSchema } from './recognition-entry';
import { CriterionSchema, RoundPhaseSchema, RoundRecordSchema } from './recognition-round';
import { ScorecardSchema } from './scorecard';

/**
 * What the judging API (`/api/v1/judging/*`) answers and takes: the panel's
 * view of a round's entries, scorecards, the panel summary, the chair's
 * winners and published results, and the round's entry counts per department.
 */

/** `GET /api/v1/judging/rounds`: a round with its phase, how many of its entries the caller may see, and how many of those the caller has scored. */
export const JudgingRoundSchema = RoundRecordSchema.and(
  z.object({
    entries: z.number().int().nonnegative(),
    scoredByYou: z.number().int().nonnegative(),
  }),
);
export type JudgingRound = z.infer<typeof JudgingRoundSchema>;
export const JudgingRoundListSchema = z.object({ rounds: z.array(JudgingRoundSchema) });
export type JudgingRoundList = z.infer<typeof JudgingRoundListSchema>;

/** The caller's own scorecard of an entry, as saved (feedback and panel note null when none was written). */
export const SavedScorecardSchema = z.object({
  scores: ScorecardSchema.shape.scores,
  feedback: z.string().nullable(),
  panelNote: z.string().nullable(),
  updatedAt: UtcInstantSchema,
});
export type SavedScorecard = z.infer<typeof SavedScorecardSchema>;

/** An earlier entry this one resubmits (and the one before that…): where it was entered, how it ended, what the judges told the team. */
export const EntryHistoryItemSchema = z.object({
  entryId: IdSchema,
  roundId: IdSchema,
  roundName: z.string(),
  categoryName: z.string(),
  /** Null while that round's results are not published. */
  outcome: EntryOutcomeSchema.nullable(),
  /** The feedback the team was given (unsigned), once that round's results were published; else empty. */
  feedback: z.array(z.string()),
});
export type EntryHistoryItem = z.infer<typeof EntryHistoryItemSchema>;

/** An entry as a judge scores it: what the team wrote, the category's criteria, the team's self-check, its history, and the caller's scorecard. */
export const JudgingEntrySchema = z.object({
  id: IdSchema,
  roundId: IdSchema,
  categoryId: IdSchema,
  categoryName: z.string(),
  team: z.object({ name: z.string(), department: z.string() }),
  customer: z.string(),
  before: z.string(),
  after: z.string(),
  method: z.string(),
  acknowledgement: z.object({ quote: z.string(), source: z.string() }).nullable(),
  submittedAt: z.string(),
  /** The category's criteria (guidance for judges, the evidence that counts, weight): one score each. */
  criteria: z.array(CriterionSchema),
  selfCheck: z.array(SelfCheckSchema),
  /** The entries this one resubmits, the latest first. */
  history: z.array(EntryHistoryItemSchema),
  scorecard: SavedScorecardSchema.nullable(),
  /** Marked a winner by the chair (before publishing as after). */
  winner: z.boolean(),
  /** Set when the results are published. */
  outcome: EntryOutcomeSchema.nullable(),
});
export type JudgingEntry = z.infer<typeof JudgingEntrySchema>;

/** `GET /api/v1/judging/rounds/:roundId/entries`: the entries the caller may see, by category in the round's order, oldest first. */
export const JudgingEntryListSchema = z.object({
  roundId: IdSchema,
  phase: RoundPhaseSchema,
  entries: z.array(JudgingEntrySchema),
});
export type JudgingEntryList = z.infer<typeof JudgingEntryListSchema>;

/** One entry in the panel summary. Judges appear by their token's label. */
export const PanelSummaryEntrySchema = z.object({
  entryId: IdSchema,
  teamName: z.string(),
  department: z.string(),
  /**
   * True for a judge who has not scored this entry yet: its average, spread
   * and panel notes are kept from them until they have, so that no judge
   * scores in the shadow of the others' figures.
   */
  sealed: z.boolean(),
  /** The mean of the judges' weighted scores (1–5); null before the first complete scorecard (or sealed). */
  average: z.number().nullable(),
  /** Highest weighted score minus lowest; null before any (or sealed). */
  spread: z.number().nullable(),
  scoredBy: z.array(z.string()),
  /** Judges who may see the entry and have not scored every criterion yet. */
  pendingJudges: z.array(z.string()),
  /** How many judges wrote feedback to the team. */
  feedbackCount: z.number().int().nonnegative(),
  /** The notes judges left for the panel (empty when sealed). */
  panelNotes: z.array(z.object({ judge: z.string(), note: z.string() })),
  winner: z.boolean(),
  outcome: EntryOutcomeSchema.nullable(),
});
export type PanelSummaryEntry = z.infer<typeof PanelSummaryEntrySchema>;

/** `GET /api/v1/judging/rounds/:roundId/summary`: per category, the entries the caller may see. */
export const RoundSummarySchema = z.object({
  roundId: IdSchema,
  roundName: z.string(),
  phase: RoundPhaseSchema,
  categories: z.array(
    z.object({
      categoryId: IdSchema,
      categoryName: z.string(),
      entries: z.array(PanelSummaryEntrySchema),
    }),
  ),
  /** Entries (of those shown) that did not win and have no feedback yet: publishing waits for them. */
  missingFeedback: z.array(IdSchema),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;

/** `PUT /api/v1/judging/rounds/:roundId/winners`: the whole set of winners the chair marks (empty clears it). */
export const WinnersSchema = z.strictObject({
  entryIds: z
    .array(IdSchema)
    .max(LIMITS.winnersPerRound)
    .refine((ids) => new Set(ids).size === ids.length, 'must not name an entry twice'),
});
export type Winners = z.infer<typeof WinnersSchema>;
export const RoundWinnersSchema = z.object({ roundId: IdSchema, entryIds: z.array(IdSchema) });
export type RoundWinners = z.infer<typeof RoundWinnersSchema>;

/** `POST /api/v1/judging/rounds/:roundId/publish`: what publishing set. */
export const PublishedResultsSchema = z.object({
  roundId: IdSchema,
  resultsPublishedAt: UtcInstantSchema,
  announceOn: IsoDateSchema,
  outcomes: z.array(z.object({ entryId: IdSchema, outcome: EntryOutcomeSchema })),
  /**
   * The story each winner becomes and its day (null: no free day was found; it still joins the rotation). Published
   * before announceOn these are planned: the stories are made on that day, on the days then free.
   */
  stories: z.array(z.object({ entryId: IdSchema, storyId: IdSchema, scheduledOn: IsoDateSchema.nullable() })),
});
export type PublishedResults = z.infer<typeof PublishedResultsSchema>;

/** Entries and winners of some departments; winners null until the round is announced. */
const EntryCountsSchema = z.object({ entries: z.number().int().nonnegative(), winners: z.number().int().nonnegative().nullable() });

/**
 * `GET /api/v1/judging/rounds/:roundId/stats`: entries and winners per
 * department, departments ordered by name (never ranked). A department
 * with fewer than `minGroupSize` entries is shown only inside "other",
 * as usage is; when even all of them together are fewer, nothing is shown.
 */
export const RoundStatsSchema = z.object({
  roundId: IdSchema,
  roundName: z.string(),
  phase: RoundPhaseSchema,
  minGroupSize: z.number().int().positive(),
  /** True when the round has entries but too few to show any figure. */
  withheld: z.boolean(),
  /** Null when withheld. */
  total: EntryCountsSchema.nullable(),
  departments: z.array(EntryCountsSchema.extend({ department: z.string(), name: z.string() })),
  other: EntryCountsSchema.extend({ departments: z.number().int().positive() }).nullable(),
});
export type RoundStats = z.infer<typeof RoundStatsSchema>;
