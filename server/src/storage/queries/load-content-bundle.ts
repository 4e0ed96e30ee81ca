import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import type { Department } from '@customer-chair/shared/schemas/department';
import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import type { Role } from '@customer-chair/shared/schemas/role';
import type { RoleAction } from '@customer-chair/shared/schemas/role-action';
import type { Database } from 'better-sqlite3';
import { getContentVersion } from './get-content-version';
import { readStoryRow, type StoryRow } from './read-story-row';
import { statement } from '../sqlite/statement';

/** The whole content as the extension gets it; undefined before any content exists. */
export function loadContentBundle(db: Database, timezone: string): ContentBundle | undefined {
  const meta = getContentVersion(db);
  if (!meta) return undefined;
  const stories = (statement(db, 'SELECT * FROM stories ORDER BY position, id').all() as StoryRow[]).map(readStoryRow);
  const prompts = statement(db, 'SELECT id, text, place AS "where" FROM prompts ORDER BY position, id')
    .all() as Prompt[];
  const actions = statement(db, 'SELECT id, role, text FROM role_actions ORDER BY position, id')
    .all() as RoleAction[];
  const roles = statement(db, 'SELECT id, name FROM roles ORDER BY position, id').all() as Role[];
  const departments = (
    statement(db, 'SELECT id, name, headcount FROM departments ORDER BY position, id').all() as {
      id: string;
      name: string;
      headcount: number | null;
    }[]
  ).map(({ headcount, ...rest }): Department => (headcount === null ? rest : { ...rest, headcount }));
  const schedule = Object.fromEntries(
    (statement(db, 'SELECT day, story_id FROM schedule ORDER BY day').all() as { day: string; story_id: string }[]).map(
      (row) => [row.day, row.story_id],
    ),
  );
  return {
    version: meta.version,
    generatedAt: meta.updatedAt,
    timezone,
    stories,
    prompts,
    actions,
    roles,
    departments,
    schedule,
  };
}
