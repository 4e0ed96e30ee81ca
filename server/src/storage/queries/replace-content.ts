import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';
import type { Database } from 'better-sqlite3';
import { bumpContentVersion } from './bump-content-version';
import { statement } from '../sqlite/statement';
import { storyColumns } from './read-story-row';

export type ContentDocument = Pick<ContentBundle, 'stories' | 'prompts' | 'actions' | 'roles' | 'departments' | 'schedule'>;

/**
 * Replaces all content with `content` in one transaction and bumps the
 * version: used to seed the demo on first start (and for restores).
 * `content` must already be valid (ContentBundleSchema).
 */
export function replaceContent(db: Database, content: ContentDocument, now: Date): number {
  const at = now.toISOString();
  return db.transaction(() => {
    for (const table of ['schedule', 'role_actions', 'stories', 'prompts', 'roles', 'departments']) {
      statement(db, `DELETE FROM ${table}`).run();
    }
    const insertStory = statement(db, 
      `INSERT INTO stories (id, title, customer, quote, body, impact, source, tags, roles, publish_on, archived, position, created_at, updated_at)
       VALUES (@id, @title, @customer, @quote, @body, @impact, @source, @tags, @roles, @publishOn, @archived, @position, @at, @at)`,
    );
    content.stories.forEach((s, position) =>
      insertStory.run({
        id: s.id,
        ...storyColumns(s),
        archived: s.archived ? 1 : 0,
        position,
        at,
      }),
    );
    const insertPrompt = statement(db, 'INSERT INTO prompts (id, text, place, position) VALUES (?, ?, ?, ?)');
    content.prompts.forEach((p, position) => insertPrompt.run(p.id, p.text, p.where, position));
    const insertRole = statement(db, 'INSERT INTO roles (id, name, position) VALUES (?, ?, ?)');
    content.roles.forEach((r, position) => insertRole.run(r.id, r.name, position));
    const insertAction = statement(db, 'INSERT INTO role_actions (id, role, text, position) VALUES (?, ?, ?, ?)');
    content.actions.forEach((a, position) => insertAction.run(a.id, a.role, a.text, position));
    const insertDepartment = statement(db, 'INSERT INTO departments (id, name, headcount, position) VALUES (?, ?, ?, ?)');
    content.departments.forEach((d, position) => insertDepartment.run(d.id, d.name, d.headcount ?? null, position));
    const insertDay = statement(db, 'INSERT INTO schedule (day, story_id) VALUES (?, ?)');
    for (const [day, storyId] of Object.entries(content.schedule)) insertDay.run(day, storyId);
    return bumpContentVersion(db, now);
  })();
}
