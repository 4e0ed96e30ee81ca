import type { EntryDraft, EntryStatusName } from '../schemas/recognition-entry';
import type { Category, Round } from '../schemas/recognition-round';

/** An entry the extension submitted: its id, its status (from its receipt), and the draft it sent. */
export type SubmittedEntry = {
  entryId: string;
  status: EntryStatusName;
  /** The category's name in its round (EntryStatus.categoryName), to find the same category when the next round gave it a new id. */
  categoryName?: string;
  draft: EntryDraft;
};

/** What the next round's categories must tell (a Category will do). */
type NextCategory = Pick<Category, 'id' | 'name'> & { criteria: readonly { id: string }[] };

/** A draft pre-filled for the next round: like EntryDraft, but the team may still have to pick the category. */
export type ResubmissionDraft = Omit<EntryDraft, 'categoryId'> & { categoryId: string | undefined };

/**
 * "Resubmit in the next round": the entry's team, customer, before and
 * after, method and acknowledgement, linked to it (`previousEntryId`) so
 * the judges see its history. The category is the one with the same id in
 * the next round, else the one with the same name, else left for the team
 * to pick; the self-check keeps only the criteria that category still has.
 *
 * Undefined when there is nothing to resubmit: only an entry that was not
 * recognized goes again, and only into another round.
 */
export function resubmissionDraft(previous: SubmittedEntry, nextRound: Pick<Round, 'id'> & { categories: readonly NextCategory[] }): ResubmissionDraft | undefined {
  if (previous.status !== 'not_this_round' || nextRound.id === previous.draft.roundId) return undefined;
  const sameName = (name: string) => previous.categoryName !== undefined && name.trim().toLowerCase() === previous.categoryName.trim().toLowerCase();
  const category =
    nextRound.categories.find((c) => c.id === previous.draft.categoryId) ?? nextRound.categories.find((c) => sameName(c.name));
  const criteria = new Set(category?.criteria.map((c) => c.id));
  const { categoryId: _old, previousEntryId: _older, selfCheck, ...kept } = previous.draft;
  return {
    ...kept,
    roundId: nextRound.id,
    categoryId: category?.id,
    selfCheck: selfCheck.filter((check) => criteria.has(check.criterionId)),
    previousEntryId: previous.entryId,
  };
}
