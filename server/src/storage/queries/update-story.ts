import type { Story } from '@customer-chair/shared/schemas/story';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { storyColumns } from './read-story-row';

/** Replaces a story's editable fields as its next revision. */
export async function updateStory(q: Queries, id: string, story: Omit<Story, 'id' | 'archived'>, now: Date): Promise<void> {
  const c = storyColumns(story);
  await q.run(
    sql`UPDATE stories SET title = ${c.title}, customer = ${c.customer}, quote = ${c.quote}, body = ${c.body}, impact = ${c.impact}, source = ${c.source},
          tags = ${c.tags}, roles = ${c.roles}, credits = ${c.credits}, publish_on = ${c.publishOn}, revision = revision + 1, updated_at = ${now.toISOString()}
        WHERE id = ${id}`,
  );
}
