import type { Story } from '@customer-chair/shared/schemas/story';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { insertRows } from './insert-rows';
import { storyColumns } from './read-story-row';

const COLUMNS = ['id', 'title', 'customer', 'quote', 'body', 'impact', 'source', 'tags', 'roles', 'credits', 'publish_on', 'recognition', 'archived', 'position', 'created_at', 'updated_at'];

/**
 * Adds stories after the others, in order (revision 1): insertStory for
 * many. The last position is read once — per story, that read scanned the
 * table, and an import of 2000 stories spent 130 ms in it — and the rows
 * go in a few multi-row statements (insertRows).
 */
export async function insertStories(q: Queries, stories: readonly Story[], now: Date): Promise<void> {
  let position = (await q.one<{ n: number }>(sql`SELECT COALESCE(MAX(position), -1) AS n FROM stories`))!.n;
  const at = now.toISOString();
  const rows = stories.map((story) => {
    const c = storyColumns(story);
    return [story.id, c.title, c.customer, c.quote, c.body, c.impact, c.source, c.tags, c.roles, c.credits, c.publishOn, c.recognition, story.archived ? 1 : 0, ++position, at, at];
  });
  await insertRows(q, 'stories', COLUMNS, rows);
}
