import type { Scorecard } from '@customer-chair/shared/schemas/scorecard';
import { judgeKey } from '@customer-chair/shared/domain/judge-key';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** One judge's scorecard of one entry, as stored (judgeId: the judge's key, judgeKey). */
export type StoredScorecard = {
  entryId: string;
  judgeId: string;
  scores: Scorecard['scores'];
  feedback: string | null;
  panelNote: string | null;
  updatedAt: string;
};

type Row = Omit<StoredScorecard, 'scores' | 'judgeId'> & { tokenId: number | null; personId: number | null; scores: string };

/** Every scorecard of a round's entries (or of one entry), by entry and judge. */
export async function listRoundScorecards(q: Queries, of: { roundId: string } | { entryId: string }): Promise<StoredScorecard[]> {
  const where = 'roundId' in of ? sql`e.round_id = ${of.roundId}` : sql`e.id = ${of.entryId}`;
  const rows = await q.all<Row>(
    sql`SELECT s.entry_id AS "entryId", s.admin_token_id AS "tokenId", s.person_id AS "personId", s.scores, s.feedback,
          s.panel_note AS "panelNote", s.updated_at AS "updatedAt"
        FROM recognition_scores s JOIN recognition_entries e ON e.id = s.entry_id
        WHERE ${where} ORDER BY s.entry_id, s.admin_token_id, s.person_id`,
  );
  return rows.map(({ tokenId, personId, scores, ...row }) => ({
    ...row,
    judgeId: judgeKey({ id: tokenId === null ? null : Number(tokenId), personId: personId === null ? null : Number(personId) }),
    scores: JSON.parse(scores) as Scorecard['scores'],
  }));
}
