import { sql } from '../sql';
import type { Queries } from '../storage';

/** The judges' feedback to an entry's team, unsigned, in no telling order (by text, not by judge). */
export async function listEntryFeedback(q: Queries, entryId: string): Promise<string[]> {
  const rows = await q.all<{ feedback: string }>(
    sql`SELECT feedback FROM recognition_scores WHERE entry_id = ${entryId} AND feedback IS NOT NULL AND feedback <> '' ORDER BY feedback`,
  );
  return rows.map((row) => row.feedback);
}
