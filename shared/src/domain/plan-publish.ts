import type { EntryOutcome } from '../schemas/recognition-entry';

export type PublishPlan =
  /** Every entry's outcome, in the order of `entries`. */
  | { ok: true; outcomes: { entryId: string; outcome: EntryOutcome }[] }
  /** The entries that did not win and have no feedback yet, in the order of `entries`. */
  | { ok: false; missingFeedback: string[] };

/**
 * Whether a round's results may be published, and what publishing sets:
 * every team that is not recognized must learn why, so the results are
 * refused while any entry that did not win lacks feedback from at least one
 * judge (blank feedback is none). Winners need none. `winners` naming no
 * entry of `entries` are ignored; `scorecards` are the ones whose feedback
 * the teams will be shown.
 */
export function planPublish(
  entries: readonly { id: string }[],
  winners: readonly string[],
  scorecards: readonly { entryId: string; feedback?: string | undefined }[],
): PublishPlan {
  const won = new Set(winners);
  const withFeedback = new Set(scorecards.filter((card) => card.feedback?.trim()).map((card) => card.entryId));
  const missingFeedback = entries.filter((entry) => !won.has(entry.id) && !withFeedback.has(entry.id)).map((entry) => entry.id);
  if (missingFeedback.length > 0) return { ok: false, missingFeedback };
  return { ok: true, outcomes: entries.map((entry) => ({ entryId: entry.id, outcome: won.has(entry.id) ? 'recognized' : 'not_this_round' })) };
}
