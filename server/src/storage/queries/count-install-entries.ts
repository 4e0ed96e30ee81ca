import { sql } from '../sql';
import type { Queries } from '../storage';

/** How many entries one install (by its hash for this round) has sent to a round. */
export async function countInstallEntries(q: Queries, roundId: string, installHash: string): Promise<number> {
  const row = await q.one<{ entries: number }>(
    sql`SELECT COUNT(*) AS entries FROM recognition_entries WHERE round_id = ${roundId} AND install_hash = ${installHash}`,
  );
  return Number(row?.entries ?? 0);
}
