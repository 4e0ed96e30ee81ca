import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * Deletes raw events that happened before `before` (roll-ups stay), a chunk
 * at a time, each chunk a statement of its own: ingest is never blocked for
 * long (SQLite's writes take turns between chunks; on PostgreSQL each chunk
 * commits alone). Returns how many went. Several instances: run it under
 * `storage.exclusively('prune', …)`, so one prunes at a time.
 */
export async function pruneEvents(q: Queries, before: Date, chunk = 5000): Promise<number> {
  let removed = 0;
  for (;;) {
    const changes = await q.run(sql`DELETE FROM events WHERE id IN (SELECT id FROM events WHERE at < ${before.toISOString()} LIMIT ${chunk})`);
    removed += changes;
    if (changes < chunk) return removed;
  }
}
