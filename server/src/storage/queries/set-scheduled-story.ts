import { sql } from '../sql';
import type { Queries } from '../storage';
import { bumpContentVersion } from './bump-content-version';

/** Puts `storyId` on `day` (or clears the day with null), as a new content version. */
export async function setScheduledStory(q: Queries, day: string, storyId: string | null, now: Date): Promise<number> {
  return q.transaction(
    async (tx) => {
      if (storyId === null) await tx.run(sql`DELETE FROM schedule WHERE day = ${day}`);
      else await tx.run(sql`INSERT INTO schedule (day, story_id) VALUES (${day}, ${storyId}) ON CONFLICT (day) DO UPDATE SET story_id = excluded.story_id`);
      return bumpContentVersion(tx, now);
    },
    { lock: 'content' },
  );
}
