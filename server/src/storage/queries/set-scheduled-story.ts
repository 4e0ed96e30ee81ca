import type { Database } from 'better-sqlite3';
import { bumpContentVersion } from './bump-content-version';
import { statement } from '../sqlite/statement';

/** Puts `storyId` on `day` (or clears the day with null), as a new content version. */
export function setScheduledStory(db: Database, day: string, storyId: string | null, now: Date): number {
  return db.transaction(() => {
    if (storyId === null) statement(db, 'DELETE FROM schedule WHERE day = ?').run(day);
    else
      statement(db, 'INSERT INTO schedule (day, story_id) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET story_id = excluded.story_id').run(
        day,
        storyId,
      );
    return bumpContentVersion(db, now);
  })();
}
