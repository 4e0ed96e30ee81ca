import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { setScheduledStory } from '../../server/src/storage/queries/set-scheduled-story';

/**
 * Puts `storyId` on `day` in a server's database (while the server is
 * stopped), as a new content version — what the content editor will do.
 */
export function scheduleStory(databasePath: string, day: string, storyId: string, now = new Date()): number {
  const db = openDatabase(databasePath);
  try {
    return setScheduledStory(db, day, storyId, now);
  } finally {
    db.close();
  }
}
