import { sql } from '../sql';
import type { Queries } from '../storage';

/** Removes a round that has no entries (the caller checks: entries refer to their round). */
export async function deleteRecognitionRound(q: Queries, id: string): Promise<void> {
  await q.run(sql`DELETE FROM recognition_rounds WHERE id = ${id}`);
}
