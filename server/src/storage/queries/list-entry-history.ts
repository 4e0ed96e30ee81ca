import type { EntryOutcome } from '@customer-chair/shared/schemas/recognition-entry';
import type { Category } from '@customer-chair/shared/schemas/recognition-round';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** An earlier entry a resubmission links to, as judges are shown it. */
export type HistoryItem = { entryId: string; roundId: string; roundName: string; categoryName: string; outcome: EntryOutcome | null; feedback: string[] };

/** Links followed at most (an entry names one of an earlier round, so a chain ends; this only bounds a damaged one). */
const MAX_DEPTH = 20;

/**
 * The entries each resubmission of a round (or the one entry) resubmits,
 * following previous_entry_id back: per starting entry, the latest first,
 * each with its round, category, outcome and — once its round's results
 * were published — the feedback its team was given (unsigned, by text).
 * Entries that resubmit nothing are left out.
 */
export async function listEntryHistory(q: Queries, of: { roundId: string } | { entryId: string }): Promise<Map<string, HistoryItem[]>> {
  const start = 'roundId' in of ? sql`e.round_id = ${of.roundId}` : sql`e.id = ${of.entryId}`;
  const rows = await q.all<{ startId: string; entryId: string; roundId: string; roundName: string; categories: string; categoryId: string; outcome: EntryOutcome | null; published: string | null }>(
    sql`WITH RECURSIVE chain (start_id, id, depth) AS (
          SELECT e.id, e.previous_entry_id, 1 FROM recognition_entries e WHERE ${start} AND e.previous_entry_id IS NOT NULL
          UNION ALL
          SELECT chain.start_id, p.previous_entry_id, chain.depth + 1 FROM chain JOIN recognition_entries p ON p.id = chain.id
          WHERE p.previous_entry_id IS NOT NULL AND chain.depth < ${MAX_DEPTH}
        )
        SELECT chain.start_id AS "startId", p.id AS "entryId", p.round_id AS "roundId", r.name AS "roundName", r.categories,
          p.category_id AS "categoryId", p.outcome, r.results_published_at AS published
        FROM chain JOIN recognition_entries p ON p.id = chain.id JOIN recognition_rounds r ON r.id = p.round_id
        ORDER BY chain.start_id, chain.depth`,
  );
  const told = [...new Set(rows.filter((row) => row.published !== null).map((row) => row.entryId))];
  const feedback = new Map<string, string[]>();
  if (told.length > 0) {
    const texts = await q.all<{ entryId: string; feedback: string }>(
      sql`SELECT entry_id AS "entryId", feedback FROM recognition_scores
          WHERE entry_id IN (${sql.join(told)}) AND feedback IS NOT NULL AND feedback <> '' ORDER BY entry_id, feedback`,
    );
    for (const text of texts) feedback.set(text.entryId, [...(feedback.get(text.entryId) ?? []), text.feedback]);
  }
  const history = new Map<string, HistoryItem[]>();
  for (const row of rows) {
    const category = (JSON.parse(row.categories) as Category[]).find((each) => each.id === row.categoryId);
    const item: HistoryItem = {
      entryId: row.entryId,
      roundId: row.roundId,
      roundName: row.roundName,
      categoryName: category?.name ?? row.categoryId,
      outcome: row.published === null ? null : row.outcome,
      feedback: row.published === null ? [] : (feedback.get(row.entryId) ?? []),
    };
    history.set(row.startId, [...(history.get(row.startId) ?? []), item]);
  }
  return history;
}
