import { sql } from '../sql';
import type { Queries } from '../storage';
import { insertRows } from './insert-rows';

/** Makes `entryIds` (entries of the round) the round's winners, and no other entry of it. */
export async function replaceRoundWinners(q: Queries, roundId: string, entryIds: readonly string[]): Promise<void> {
  await q.run(sql`DELETE FROM recognition_winners WHERE entry_id IN (SELECT id FROM recognition_entries WHERE round_id = ${roundId})`);
  if (entryIds.length > 0) await insertRows(q, 'recognition_winners', ['entry_id'], entryIds.map((id) => [id]));
}
