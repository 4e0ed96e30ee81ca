import { sql } from '../sql';
import type { Queries } from '../storage';

/** Archives or restores a story, as its next revision. */
export async function setStoryArchived(q: Queries, id: string, archived: boolean, now: Date): Promise<void> {
  await q.run(sql`UPDATE stories SET archived = ${archived ? 1 : 0}, revision = revision + 1, updated_at = ${now.toISOString()} WHERE id = ${id}`);
}
