import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Archives or restores a story, as its next revision. */
export function setStoryArchived(db: Database, id: string, archived: boolean, now: Date): void {
  statement(db, 'UPDATE stories SET archived = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(
    archived ? 1 : 0,
    now.toISOString(),
    id,
  );
}
