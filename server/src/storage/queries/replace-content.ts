import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { bumpContentVersion } from './bump-content-version';
import { insertRows } from './insert-rows';
import { insertStories } from './insert-stories';

export type ContentDocument = Pick<ContentBundle, 'stories' | 'prompts' | 'actions' | 'roles' | 'departments' | 'schedule'>;

/**
 * Replaces all content with `content` in one transaction (under the content
 * lock) and bumps the version: used to seed the demo on first start (and for
 * restores). `content` must already be valid (ContentBundleSchema).
 */
export async function replaceContent(q: Queries, content: ContentDocument, now: Date): Promise<number> {
  return q.transaction(
    async (tx) => {
      // Those that others refer to last.
      for (const table of ['schedule', 'role_actions', 'stories', 'prompts', 'roles', 'departments']) {
        await tx.run(sql`DELETE FROM ${sql.raw(table)}`);
      }
      // Into an empty table: positions from 0, in the given order.
      await insertStories(tx, content.stories, now);
      await insertRows(tx, 'prompts', ['id', 'text', 'place', 'position'], content.prompts.map((p, position) => [p.id, p.text, p.where, position]));
      await insertRows(tx, 'roles', ['id', 'name', 'position'], content.roles.map((r, position) => [r.id, r.name, position]));
      await insertRows(tx, 'role_actions', ['id', 'role', 'text', 'position'], content.actions.map((a, position) => [a.id, a.role, a.text, position]));
      await insertRows(
        tx,
        'departments',
        ['id', 'name', 'headcount', 'position'],
        content.departments.map((d, position) => [d.id, d.name, d.headcount ?? null, position]),
      );
      await insertRows(tx, 'schedule', ['day', 'story_id'], Object.entries(content.schedule));
      return bumpContentVersion(tx, now);
    },
    { lock: 'content' },
  );
}
