import type { EntryDraft } from '../schemas/recognition-entry';
import type { Round } from '../schemas/recognition-round';

/** What an entry says, without the install that sent it. */
export type EntryContent = Omit<EntryDraft, 'installId'>;

/**
 * A new entry for `nextRound` that starts from an earlier one which was not
 * recognized: the same team, customer, before and after, method and
 * acknowledgement, linked to it (`previousEntryId`) so the judges see the
 * history. The category stays when the next round has one with the same id
 * (otherwise the team chooses again), and the self-check keeps only the
 * answers for criteria that category still has: the team reviews them
 * against the feedback before submitting.
 */
export function resubmissionDraft(previous: { entryId: string; entry: EntryContent }, nextRound: Round): EntryContent {
  const { entry } = previous;
  const category = nextRound.categories.find((c) => c.id === entry.categoryId);
  const criteria = new Set(category?.criteria.map((c) => c.id));
  return {
    roundId: nextRound.id,
    categoryId: category?.id ?? '',
    team: { ...entry.team },
    customer: entry.customer,
    before: entry.before,
    after: entry.after,
    method: entry.method,
    ...(entry.acknowledgement && { acknowledgement: { ...entry.acknowledgement } }),
    selfCheck: entry.selfCheck.filter((check) => criteria.has(check.criterionId)).map((check) => ({ ...check })),
    previousEntryId: previous.entryId,
  };
}
