import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * The published rounds with a winner whose story is not made yet, announced
 * on or before `today` (company-local day), the earliest announcement first:
 * the rounds announceDueWinners announces. Without `today`, every such
 * round, whatever its day.
 */
export async function listUnannouncedRounds(q: Queries, today?: string): Promise<{ id: string; announceOn: string }[]> {
  return q.all<{ id: string; announceOn: string }>(
    sql`SELECT r.id, r.announce_on AS "announceOn" FROM recognition_rounds r
        WHERE r.results_published_at IS NOT NULL ${today === undefined ? sql`` : sql`AND r.announce_on <= ${today}`}
          AND EXISTS (SELECT 1 FROM recognition_entries e WHERE e.round_id = r.id AND e.outcome = 'recognized' AND e.story_id IS NULL)
        ORDER BY r.announce_on, r.id`,
  );
}
