import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Takes a story off every scheduled day from `fromDay` on; answers those days. */
export function unscheduleStory(db: Database, storyId: string, fromDay: string): string[] {
  const rows = statement(db, 'DELETE FROM schedule WHERE story_id = ? AND day >= ? RETURNING day').all(storyId, fromDay) as { day: string }[];
  return rows.map((r) => r.day).sort();
}
