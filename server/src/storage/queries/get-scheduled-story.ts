import { sql } from '../sql';
import type { Queries } from '../storage';

/** The story a CX lead put on `day`, if any. */
export async function getScheduledStory(q: Queries, day: string): Promise<string | undefined> {
  return (await q.one<{ story_id: string }>(sql`SELECT story_id FROM schedule WHERE day = ${day}`))?.story_id;
}
