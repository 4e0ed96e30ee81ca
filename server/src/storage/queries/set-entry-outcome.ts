import type { EntryOutcome } from '@customer-chair/shared/schemas/recognition-entry';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** What publishing sets on an entry: its outcome, and the story a winner became. */
export async function setEntryOutcome(q: Queries, entryId: string, outcome: EntryOutcome, storyId: string | null): Promise<void> {
  await q.run(sql`UPDATE recognition_entries SET outcome = ${outcome}, story_id = ${storyId} WHERE id = ${entryId}`);
}
