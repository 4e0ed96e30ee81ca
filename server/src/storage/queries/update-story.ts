import type { Story } from '@customer-chair/shared/schemas/story';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';
import { storyColumns } from './read-story-row';

/** Replaces a story's editable fields as its next revision. */
export function updateStory(db: Database, id: string, story: Omit<Story, 'id' | 'archived'>, now: Date): void {
  statement(
    db,
    `UPDATE stories SET title = @title, customer = @customer, quote = @quote, body = @body, impact = @impact, source = @source,
       tags = @tags, roles = @roles, publish_on = @publishOn, revision = revision + 1, updated_at = @at
     WHERE id = @id`,
  ).run({ id, ...storyColumns(story), at: now.toISOString() });
}
