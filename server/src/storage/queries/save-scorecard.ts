import type { Scorecard } from '@customer-chair/shared/schemas/scorecard';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Who scores: an admin token (`id`), or a person signed in with the company's provider (`personId`, `id` null). */
export type ScoringJudge = { id: number | null; personId: number | null };

/** Stores a judge's scorecard of an entry, replacing the judge's earlier one. */
export async function saveScorecard(q: Queries, entryId: string, judge: ScoringJudge, card: Scorecard, now: Date): Promise<void> {
  const values = sql`${JSON.stringify(card.scores)}, ${card.feedback ?? null}, ${card.panelNote ?? null}, ${now.toISOString()}`;
  const update = sql`DO UPDATE SET scores = excluded.scores, feedback = excluded.feedback, panel_note = excluded.panel_note, updated_at = excluded.updated_at`;
  await q.run(
    judge.id !== null
      ? sql`INSERT INTO recognition_scores (entry_id, admin_token_id, scores, feedback, panel_note, updated_at) VALUES (${entryId}, ${judge.id}, ${values})
            ON CONFLICT (entry_id, admin_token_id) WHERE admin_token_id IS NOT NULL ${update}`
      : sql`INSERT INTO recognition_scores (entry_id, person_id, scores, feedback, panel_note, updated_at) VALUES (${entryId}, ${judge.personId}, ${values})
            ON CONFLICT (entry_id, person_id) WHERE person_id IS NOT NULL ${update}`,
  );
}
