import { z } from 'zod';
import { IdSchema, text } from './common';
import { LIMITS } from './limits';

export const SelfCheckStatusSchema = z.enum(['met', 'partly', 'not_yet']);
export type SelfCheckStatus = z.infer<typeof SelfCheckStatusSchema>;

/** The team's own check of one criterion before submitting. */
export const SelfCheckSchema = z.strictObject({
  criterionId: IdSchema,
  status: SelfCheckStatusSchema,
  note: text(LIMITS.selfCheckNote).optional(),
});
export type SelfCheck = z.infer<typeof SelfCheckSchema>;

/** An install id as the extension makes it (a random UUID): used only to bound entries per install and round. */
const InstallIdSchema = z.uuid({ message: 'must be the extension install id (a UUID)' });

/**
 * A team's customer win as the extension submits it. The team is a team
 * ("Line 4 maintenance crew") and its department, never a person.
 */
export const EntryDraftSchema = z.strictObject({
  roundId: IdSchema,
  categoryId: IdSchema,
  team: z.strictObject({ name: text(LIMITS.teamName), department: IdSchema }),
  customer: text(LIMITS.entryCustomer),
  /** Before and after, with figures ("lead time 5 days" → "5 hours"). */
  before: text(LIMITS.entryBeforeAfter),
  after: text(LIMITS.entryBeforeAfter),
  /** How they did it, so others can reuse it. */
  method: text(LIMITS.entryMethod),
  /** The customer's acknowledgement: their words, and where they said them. */
  acknowledgement: z.strictObject({ quote: text(LIMITS.entryAcknowledgement), source: text(LIMITS.source) }).optional(),
  selfCheck: z.array(SelfCheckSchema).max(LIMITS.criteriaPerCategory * 2),
  /** The entry this one resubmits (an earlier round's), so judges see the history. */
  previousEntryId: IdSchema.optional(),
  installId: InstallIdSchema,
});
export type EntryDraft = z.infer<typeof EntryDraftSchema>;

/** The answer to a submission: the receipt secret is shown once; the server keeps only its hash. */
export const EntryReceiptSchema = z.object({ entryId: IdSchema, receipt: z.string().min(32) });
export type EntryReceipt = z.infer<typeof EntryReceiptSchema>;

export const EntryStatusNameSchema = z.enum(['submitted', 'in_review', 'recognized', 'not_this_round']);
export type EntryStatusName = z.infer<typeof EntryStatusNameSchema>;

/** What publishing the results set on an entry (recognition_entries.outcome); null until then. */
export const EntryOutcomeSchema = EntryStatusNameSchema.extract(['recognized', 'not_this_round']);
export type EntryOutcome = z.infer<typeof EntryOutcomeSchema>;

/** What a receipt shows the team: where the entry stands and, once results are out, the judges' feedback (unsigned). */
export const EntryStatusSchema = z.object({
  entryId: IdSchema,
  roundId: IdSchema,
  roundName: z.string(),
  categoryId: IdSchema,
  categoryName: z.string(),
  teamName: z.string(),
  status: EntryStatusNameSchema,
  announceOn: z.string(),
  /** One text per judge who wrote one, in no particular order and without names; empty until results are published. */
  feedback: z.array(z.string()),
  previousEntryId: IdSchema.nullable(),
  /** The round open for entries now, if any: where "Resubmit in the next round" goes. */
  nextRound: z.object({ id: IdSchema, name: z.string() }).nullable(),
});
export type EntryStatus = z.infer<typeof EntryStatusSchema>;
