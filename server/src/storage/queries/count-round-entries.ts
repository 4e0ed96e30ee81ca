import { sql } from '../sql';
import type { Queries } from '../storage';

/** How many entries each category of a round has (categories without entries are left out). */
export async function countRoundEntries(q: Queries, roundId: string): Promise<Map<string, number>> {
  const rows = await q.all<{ categoryId: string; entries: number }>(
    sql`SELECT category_id AS "categoryId", COUNT(*) AS entries FROM recognition_entries WHERE round_id = ${roundId} GROUP BY category_id`,
  );
  return new Map(rows.map((row) => [row.categoryId, Number(row.entries)]));
}
