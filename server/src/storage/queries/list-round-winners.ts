import { sql } from '../sql';
import type { Queries } from '../storage';

/** The entries of a round the chair marked as winners, the first submitted first. */
export async function listRoundWinners(q: Queries, roundId: string): Promise<string[]> {
  const rows = await q.all<{ id: string }>(
    sql`SELECT e.id FROM recognition_winners w JOIN recognition_entries e ON e.id = w.entry_id WHERE e.round_id = ${roundId} ORDER BY e.submitted_at, e.id`,
  );
  return rows.map((row) => row.id);
}
