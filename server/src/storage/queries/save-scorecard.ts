import type { Scorecard } from '@customer-chair/shared/schemas/scorecard';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Stores a judge's scorecard of an entry, replacing the judge's earlier one. */
export async function saveScorecard(q: Queries, entryId: string, judgeId: number, card: Scorecard, now: Date): Promise<void> {
  await q.run(
    sql`INSERT INTO recognition_scores (entry_id, admin_token_id, scores, feedback, panel_note, updated_at)
        VALUES (${entryId}, ${judgeId}, ${JSON.stringify(card.scores)}, ${card.feedback ?? null}, ${card.panelNote ?? null}, ${now.toISOString()})
        ON CONFLICT (entry_id, admin_token_id) DO UPDATE SET scores = excluded.scores, feedback = excluded.feedback,
          panel_note = excluded.panel_note, updated_at = excluded.updated_at`,
  );
}
