import { changedFields } from '@customer-chair/shared/domain/changed-fields';
import { localDay } from '@customer-chair/shared/domain/local-day';
import { makeId } from '@customer-chair/shared/domain/make-id';
import { STORY_FIELDS } from '@customer-chair/shared/domain/plan-story-import';
import { searchStories } from '@customer-chair/shared/domain/search-stories';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { RevisionOnlySchema } from '@customer-chair/shared/schemas/revision';
import type { Story } from '@customer-chair/shared/schemas/story';
import {
  StoryDraftSchema,
  StoryEditSchema,
  StoryListQuerySchema,
  type StoryArchived,
  type StoryList,
  type StoryRecord,
} from '@customer-chair/shared/schemas/story-record';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError } from '../../http/api-error';
import { createItem, editItem } from '../../editing/edit-item';
import { refuseBadCredits } from '../../editing/unknown-credits';
import { refuseUnknownRoles } from '../../editing/unknown-roles';
import type { AdminVariables } from '../../middleware/require-admin';
import { findStoryRecord } from '../../storage/queries/find-story-record';
import { getCompanyTimezone } from '../../storage/queries/get-company-timezone';
import { insertStory } from '../../storage/queries/insert-story';
import { listStoryRecords } from '../../storage/queries/list-story-records';
import { recordChange } from '../../storage/queries/record-change';
import { setStoryArchived } from '../../storage/queries/set-story-archived';
import { unscheduleStory } from '../../storage/queries/unschedule-story';
import { updateStory } from '../../storage/queries/update-story';
import type { Queries } from '../../storage/storage';

/** `/api/v1/admin/stories`: list and search, create, edit, archive and restore customer stories. */
export function adminStoryRoutes(deps: AppDeps) {
  const { storage, config } = deps;
  const find = (q: Queries, id: string) => findStoryRecord(q, id);
  const item = (id: string) => ({ entity: 'story' as const, noun: 'story', id, find });

  /** Archive or restore, on the revision the CX lead saw; archiving also unschedules the story from today on. */
  const setArchived = (archived: boolean) => (c: Context<{ Variables: AdminVariables }>) =>
    editItem(c, deps, { schema: RevisionOnlySchema, ...item(c.req.param('id')!) }, async (tx, _body, current, now) => {
      if (current.archived === archived) return c.json<StoryArchived>({ story: current, unscheduledDays: [] });
      await setStoryArchived(tx, current.id, archived, now);
      const unscheduledDays = archived ? await unscheduleStory(tx, current.id, localDay(now, await getCompanyTimezone(tx, config.timezone))) : [];
      const off = unscheduledDays.length ? `; taken off ${unscheduledDays.length} scheduled day(s): ${unscheduledDays.join(', ')}` : '';
      const action = archived ? 'archived' : 'restored';
      await recordChange(tx, { actor: c.var.admin, action, entity: 'story', entityId: current.id, summary: `“${current.title}”${off}` }, now);
      return c.json<StoryArchived>({ story: (await find(tx, current.id))!, unscheduledDays });
    });

  return new Hono<{ Variables: AdminVariables }>()
    .get('/', async (c) => {
      const query = StoryListQuerySchema.safeParse(c.req.query());
      if (!query.success) return apiError(c, 400, 'invalid_request', 'Use ?q=<words>&status=active|archived|all.', toApiIssues(query.error));
      const { q, status } = query.data;
      const stories = (await listStoryRecords(storage)).filter((s) => status === 'all' || s.archived === (status === 'archived'));
      return c.json<StoryList>({ stories: searchStories(stories, q) });
    })
    .post('/', (c) =>
      createItem(
        c,
        deps,
        {
          schema: StoryDraftSchema,
          noun: 'story',
          find,
          makeId: async (tx, draft) => makeId(draft.title, new Set((await listStoryRecords(tx)).map((s) => s.id)), 'story'),
        },
        async (tx, draft, id, now) => {
          const refused = (await refuseUnknownRoles(c, tx, draft.roles)) ?? (await refuseBadCredits(c, tx, draft.credits));
          if (refused) return refused;
          await insertStory(tx, { ...draft, id, archived: false }, now);
          await recordChange(tx, { actor: c.var.admin, action: 'created', entity: 'story', entityId: id, summary: `“${draft.title}”` }, now);
          return c.json<StoryRecord>((await find(tx, id))!, 201);
        },
      ),
    )
    .get('/:id', async (c) => {
      const story = await find(storage, c.req.param('id'));
      return story ? c.json<StoryRecord>(story) : apiError(c, 404, 'not_found', `There is no story "${c.req.param('id')}".`);
    })
    .put('/:id', (c) =>
      editItem(c, deps, { schema: StoryEditSchema, ...item(c.req.param('id')) }, async (tx, { revision: _revision, ...edit }, current, now) => {
        const refused = (await refuseUnknownRoles(c, tx, edit.roles)) ?? (await refuseBadCredits(c, tx, edit.credits));
        if (refused) return refused;
        const next: Story = {
          ...edit,
          roles: edit.roles?.length ? edit.roles : undefined,
          credits: edit.credits?.length ? edit.credits : undefined,
          id: current.id,
          archived: current.archived,
        };
        const changes = changedFields<Story>(current, next, STORY_FIELDS);
        // Saving without a change makes no new version: extensions have nothing to fetch.
        if (!changes.length) return c.json<StoryRecord>(current);
        await updateStory(tx, current.id, next, now);
        await recordChange(tx, { actor: c.var.admin, action: 'updated', entity: 'story', entityId: current.id, summary: `changed ${changes.join(', ')}` }, now);
        return c.json<StoryRecord>((await find(tx, current.id))!);
      }),
    )
    .post('/:id/archive', setArchived(true))
    .post('/:id/restore', setArchived(false));
}
