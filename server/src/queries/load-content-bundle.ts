import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import type { Department } from '@customer-chair/shared/schemas/department';
import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import type { Role } from '@customer-chair/shared/schemas/role';
import type { RoleAction } from '@customer-chair/shared/schemas/role-action';
import type { Story } from '@customer-chair/shared/schemas/story';
import type { Database } from 'better-sqlite3';
import { getContentVersion } from './get-content-version';
import { statement } from '../db/statement';

type StoryRow = {
  id: string;
  title: string;
  customer: string;
  quote: string | null;
  body: string;
  impact: string | null;
  source: string | null;
  tags: string;
  roles: string | null;
  publish_on: string | null;
  archived: number;
};

/** The whole content as the extension gets it; undefined before any content exists. */
export function loadContentBundle(db: Database, timezone: string): ContentBundle | undefined {
  const meta = getContentVersion(db);
  if (!meta) return undefined;
  const stories = (statement(db, 'SELECT * FROM stories ORDER BY position, id').all() as StoryRow[]).map(toStory);
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

function toStory(row: StoryRow): Story {
  const story: Story = {
    id: row.id,
    title: row.title,
    customer: row.customer,
    body: row.body,
    tags: JSON.parse(row.tags) as string[],
    archived: row.archived === 1,
  };
  if (row.quote !== null) story.quote = row.quote;
  if (row.impact !== null) story.impact = row.impact;
  if (row.source !== null) story.source = row.source;
  if (row.roles !== null) story.roles = JSON.parse(row.roles) as string[];
  if (row.publish_on !== null) story.publishOn = row.publish_on;
  return story;
}
