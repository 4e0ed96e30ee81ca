import type { Story } from '@customer-chair/shared/schemas/story';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';
import { storyColumns } from './read-story-row';

/** Adds a story after the others (revision 1). */
export function insertStory(db: Database, story: Story, now: Date): void {
  statement(
    db,
    `INSERT INTO stories (id, title, customer, quote, body, impact, source, tags, roles, publish_on, archived, position, created_at, updated_at)
     VALUES (@id, @title, @customer, @quote, @body, @impact, @source, @tags, @roles, @publishOn, @archived,
             (SELECT COALESCE(MAX(position), -1) + 1 FROM stories), @at, @at)`,
  ).run({ id: story.id, ...storyColumns(story), archived: story.archived ? 1 : 0, at: now.toISOString() });
}
