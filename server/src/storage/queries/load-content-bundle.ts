import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import type { Department } from '@customer-chair/shared/schemas/department';
import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import type { Role } from '@customer-chair/shared/schemas/role';
import type { RoleAction } from '@customer-chair/shared/schemas/role-action';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { getCompanyTimezone } from './get-company-timezone';
import { getContentVersion } from './get-content-version';
import { readStoryRow, type StoryRow } from './read-story-row';

/** Reads after which a bundle that kept changing under the reader is read under the content lock instead. */
const OPTIMISTIC_READS = 3;

// One after another: a transaction's handle is one connection, which runs one query at a time.
async function readTables(q: Queries, configuredTimezone: string) {
  const timezone = await getCompanyTimezone(q, configuredTimezone);
  const stories = await q.all<StoryRow>(sql`SELECT * FROM stories ORDER BY position, id`);
  const prompts = await q.all<Prompt>(sql`SELECT id, text, place AS "where" FROM prompts ORDER BY position, id`);
  const actions = await q.all<RoleAction>(sql`SELECT id, role, text FROM role_actions ORDER BY position, id`);
  const roles = await q.all<Role>(sql`SELECT id, name FROM roles ORDER BY position, id`);
  const departments = await q.all<{ id: string; name: string; headcount: number | null }>(sql`SELECT id, name, headcount FROM departments ORDER BY position, id`);
  const schedule = await q.all<{ day: string; story_id: string }>(sql`SELECT day, story_id FROM schedule ORDER BY day`);
  return {
    timezone,
    stories: stories.map(readStoryRow),
    prompts,
    actions,
    roles,
    departments: departments.map(({ headcount, ...rest }): Department => (headcount === null ? rest : { ...rest, headcount })),
    schedule: Object.fromEntries(schedule.map((row) => [row.day, row.story_id])),
  };
}

/**
 * The whole content as the extension gets it, in the company's time zone
 * (the one set in the dashboard, else `configuredTimezone`, the server's
 * TIMEZONE); undefined before any content exists.
 *
 * The tables are read by several statements, between which another request
 * (or, on PostgreSQL, another instance) may commit an edit: the version is
 * read before and after, and the bundle read again when it moved, so a
 * bundle never mixes two versions under one version number. Edits are made
 * by people, so a second read almost always settles it; should the content
 * keep changing, the bundle is read under the content lock that every edit
 * takes.
 */
export async function loadContentBundle(q: Queries, configuredTimezone: string): Promise<ContentBundle | undefined> {
  for (let attempt = 1; ; attempt++) {
    const locked = attempt > OPTIMISTIC_READS;
    const read = async (r: Queries) => {
      const meta = await getContentVersion(r);
      if (!meta) return { meta };
      const tables = await readTables(r, configuredTimezone);
      return { meta, tables, settled: locked || (await getContentVersion(r))?.version === meta.version };
    };
    const { meta, tables, settled } = locked ? await q.transaction(read, { lock: 'content' }) : await read(q);
    if (!meta) return undefined;
    if (settled) return { version: meta.version, generatedAt: meta.updatedAt, voiceCards: [], ...tables! };
  }
}
