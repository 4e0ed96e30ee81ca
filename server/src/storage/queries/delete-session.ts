import { sql } from '../sql';
import type { Queries } from '../storage';

/** Signs a session out; also drops sessions that have expired. */
export async function deleteSession(q: Queries, idHash: string, now: Date): Promise<void> {
  await q.run(sql`DELETE FROM sessions WHERE id_hash = ${idHash} OR expires_at <= ${now.toISOString()}`);
}
