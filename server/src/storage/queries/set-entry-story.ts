import { sql } from '../sql';
import type { Queries } from '../storage';

/** Links a winning entry to the story it became on its announcement day. */
export async function setEntryStory(q: Queries, entryId: string, storyId: string): Promise<void> {
  await q.run(sql`UPDATE recognition_entries SET story_id = ${storyId} WHERE id = ${entryId}`);
}
