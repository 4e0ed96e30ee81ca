import { setScheduledStory } from '../../server/src/storage/queries/set-scheduled-story';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { sqliteStorage } from '../../server/src/storage/sqlite/sqlite-storage';

/**
 * Puts `storyId` on `day` in a server's SQLite database, from another
 * connection (as another process would), as a new content version — what
 * the content editor does.
 */
export async function scheduleStory(databasePath: string, day: string, storyId: string, now = new Date()): Promise<number> {
  const storage = sqliteStorage(openDatabase(databasePath));
  try {
    return await setScheduledStory(storage, day, storyId, now);
  } finally {
    await storage.close();
  }
}
