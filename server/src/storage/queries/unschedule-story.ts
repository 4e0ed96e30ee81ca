import { sql } from '../sql';
import type { Queries } from '../storage';

/** Takes a story off every scheduled day from `fromDay` on; answers those days. */
export async function unscheduleStory(q: Queries, storyId: string, fromDay: string): Promise<string[]> {
  const rows = await q.all<{ day: string }>(sql`DELETE FROM schedule WHERE story_id = ${storyId} AND day >= ${fromDay} RETURNING day`);
  return rows.map((r) => r.day).sort();
}
