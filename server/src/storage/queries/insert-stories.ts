import type { Story } from '@customer-chair/shared/schemas/story';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';
import { storyColumns } from './read-story-row';

/**
 * Adds stories after the others, in order (revision 1): insertStory for
 * many. The last position is read once — per story, that read scanned the
 * table, and an import of 2000 stories spent 130 ms in it.
 */
export function insertStories(db: Database, stories: readonly Story[], now: Date): void {
  let position = (statement(db, 'SELECT COALESCE(MAX(position), -1) AS n FROM stories').get() as { n: number }).n;
  const insert = statement(
    db,
    `INSERT INTO stories (id, title, customer, quote, body, impact, source, tags, roles, publish_on, archived, position, created_at, updated_at)
     VALUES (@id, @title, @customer, @quote, @body, @impact, @source, @tags, @roles, @publishOn, @archived, @position, @at, @at)`,
  );
  const at = now.toISOString();
  for (const story of stories) insert.run({ id: story.id, ...storyColumns(story), archived: story.archived ? 1 : 0, position: ++position, at });
}
