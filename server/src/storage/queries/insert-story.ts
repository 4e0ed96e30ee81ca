import type { Story } from '@customer-chair/shared/schemas/story';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { storyColumns } from './read-story-row';

/** Adds a story after the others (revision 1). */
export async function insertStory(q: Queries, story: Story, now: Date): Promise<void> {
  const c = storyColumns(story);
  const at = now.toISOString();
  await q.run(
    sql`INSERT INTO stories (id, title, customer, quote, body, impact, source, tags, roles, credits, publish_on, recognition, archived, position, created_at, updated_at)
        VALUES (${story.id}, ${c.title}, ${c.customer}, ${c.quote}, ${c.body}, ${c.impact}, ${c.source}, ${c.tags}, ${c.roles}, ${c.credits}, ${c.publishOn}, ${c.recognition},
                ${story.archived ? 1 : 0}, (SELECT COALESCE(MAX(position), -1) + 1 FROM stories), ${at}, ${at})`,
  );
}
