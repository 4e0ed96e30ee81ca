import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/**
 * Deletes raw events that happened before `before` (roll-ups stay), a chunk
 * at a time so ingest is never blocked for long. Returns how many went.
 */
export function pruneEvents(db: Database, before: Date, chunk = 5000): number {
  const remove = statement(db, 'DELETE FROM events WHERE id IN (SELECT id FROM events WHERE at < ? LIMIT ?)');
  let removed = 0;
  for (;;) {
    const { changes } = remove.run(before.toISOString(), chunk);
    removed += changes;
    if (changes < chunk) return removed;
  }
}
