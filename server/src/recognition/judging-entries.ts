import { judgeKey } from '@customer-chair/shared/domain/judge-key';
import type { JudgingEntry, SavedScorecard } from '@customer-chair/shared/schemas/judging';
import type { StoredRound } from '../storage/queries/find-recognition-round';
import type { Credential } from '../auth/credential';
import { listEntryHistory } from '../storage/queries/list-entry-history';
import { listRoundScorecards, type StoredScorecard } from '../storage/queries/list-round-scorecards';
import type { EntryRecord } from '../storage/queries/read-entry-row';
import type { Queries } from '../storage/storage';

/**
 * Entries as a judge scores them (JudgingEntry): each with its category's
 * criteria, the team's self-check, the entries it resubmits, and the
 * caller's own scorecard (never another judge's). `entries` are those the
 * caller may see, of `round`; `of` says whether they are the whole round or
 * one entry, so history and scorecards are read once for all of them.
 * In the round's category order, then as submitted.
 */
export async function judgingEntries(
  q: Queries,
  round: StoredRound,
  entries: readonly EntryRecord[],
  caller: Credential,
  of: { roundId: string } | { entryId: string },
): Promise<JudgingEntry[]> {
  if (entries.length === 0) return [];
  const history = await listEntryHistory(q, of);
  const mine = new Map((await listRoundScorecards(q, of)).filter((card) => card.judgeId === judgeKey(caller)).map((card) => [card.entryId, card]));
  const order = new Map(round.categories.map((category, i) => [category.id, i]));
  return [...entries]
    .sort((a, b) => (order.get(a.categoryId) ?? Infinity) - (order.get(b.categoryId) ?? Infinity))
    .map((entry) => {
      const category = round.categories.find((each) => each.id === entry.categoryId);
      const card = mine.get(entry.id);
      return {
        id: entry.id,
        roundId: entry.roundId,
        categoryId: entry.categoryId,
        categoryName: category?.name ?? entry.categoryId,
        team: entry.team,
        customer: entry.customer,
        before: entry.before,
        after: entry.after,
        method: entry.method,
        acknowledgement: entry.acknowledgement,
        submittedAt: entry.submittedAt,
        criteria: category?.criteria ?? [],
        selfCheck: entry.selfCheck,
        history: history.get(entry.id) ?? [],
        scorecard: card ? savedScorecard(card) : null,
        winner: entry.winner,
        outcome: entry.outcome,
      };
    });
}

/** A stored scorecard as its judge is shown it. */
export function savedScorecard(card: StoredScorecard): SavedScorecard {
  return { scores: card.scores, feedback: card.feedback, panelNote: card.panelNote, updatedAt: card.updatedAt };
}
