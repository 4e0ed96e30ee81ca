import { sql } from '../sql';
import type { Queries } from '../storage';

/** Marks a round's results published at `now`, once: answers false when they already were. */
export async function setResultsPublished(q: Queries, roundId: string, now: Date): Promise<boolean> {
  return (await q.run(sql`UPDATE recognition_rounds SET results_published_at = ${now.toISOString()} WHERE id = ${roundId} AND results_published_at IS NULL`)) === 1;
}
