import type { Scorecard } from '@customer-chair/shared/schemas/scorecard';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** One judge's scorecard of one entry, as stored (judgeId: the admin token's id, as text). */
export type StoredScorecard = {
  entryId: string;
  judgeId: string;
  scores: Scorecard['scores'];
  feedback: string | null;
  panelNote: string | null;
  updatedAt: string;
};

/** Every scorecard of a round's entries (or of one entry), by entry and judge. */
export async function listRoundScorecards(q: Queries, of: { roundId: string } | { entryId: string }): Promise<StoredScorecard[]> {
  const where = 'roundId' in of ? sql`e.round_id = ${of.roundId}` : sql`e.id = ${of.entryId}`;
  const rows = await q.all<Omit<StoredScorecard, 'scores' | 'judgeId'> & { judgeId: number; scores: string }>(
    sql`SELECT s.entry_id AS "entryId", s.admin_token_id AS "judgeId", s.scores, s.feedback, s.panel_note AS "panelNote", s.updated_at AS "updatedAt"
        FROM recognition_scores s JOIN recognition_entries e ON e.id = s.entry_id
        WHERE ${where} ORDER BY s.entry_id, s.admin_token_id`,
  );
  return rows.map((row) => ({ ...row, judgeId: String(row.judgeId), scores: JSON.parse(row.scores) as Scorecard['scores'] }));
}
