import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * Counts one message against a browser's daily limit, in one statement
 * (atomic on both engines, however many arrive at once): `key` is
 * sha256(day + the form's sender key). Answers false, changing nothing,
 * when the key has `max` already.
 */
export async function takeVoiceQuota(q: Queries, key: string, day: string, max: number): Promise<boolean> {
  const row = await q.one<{ count: number }>(
    sql`INSERT INTO voice_quota (key, day, count) VALUES (${key}, ${day}, 1)
        ON CONFLICT (key) DO UPDATE SET count = voice_quota.count + 1 WHERE voice_quota.count < ${max}
        RETURNING count`,
  );
  return row !== undefined;
}
