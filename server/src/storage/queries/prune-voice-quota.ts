import { sql } from '../sql';
import type { Queries } from '../storage';

/** Forgets the daily-limit keys of days before `today` (they can never be used again); answers how many went. */
export async function pruneVoiceQuota(q: Queries, today: string): Promise<number> {
  return q.run(sql`DELETE FROM voice_quota WHERE day < ${today}`);
}
