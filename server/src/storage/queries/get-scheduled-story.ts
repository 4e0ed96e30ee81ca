import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** The story a CX lead put on `day`, if any. */
export function getScheduledStory(db: Database, day: string): string | undefined {
  return (statement(db, 'SELECT story_id FROM schedule WHERE day = ?').get(day) as { story_id: string } | undefined)?.story_id;
}
