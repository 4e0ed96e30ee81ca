import { changedFields } from '@customer-chair/shared/domain/changed-fields';
import { makeId } from '@customer-chair/shared/domain/make-id';
import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import { PromptDraftSchema, PromptEditSchema, type PromptList, type PromptRecord } from '@customer-chair/shared/schemas/prompt-record';
import { RevisionOnlySchema } from '@customer-chair/shared/schemas/revision';
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { apiError } from '../../http/api-error';
import { readJson } from '../../http/read-json';
import { refuseStale } from '../../http/refuse-stale';
import type { AdminVariables } from '../../middleware/require-admin';
import { deletePrompt } from '../../queries/delete-prompt';
import { findPromptRecord } from '../../queries/find-prompt-record';
import { getCompanyTimezone } from '../../queries/get-company-timezone';
import { insertPrompt } from '../../queries/insert-prompt';
import { listPromptRecords } from '../../queries/list-prompt-records';
import { recordChange } from '../../queries/record-change';
import { updatePrompt } from '../../queries/update-prompt';

const PLACES = { meeting: 'meetings', newtab: 'the new tab', both: 'meetings and the new tab' } as const;

/** `/api/v1/admin/prompts`: the customer-chair questions, for meetings, the new tab or both. */
export function adminPromptRoutes({ db, clock, config }: AppDeps) {
  const timezone = () => getCompanyTimezone(db, config.timezone);
  const noun = 'question';
  return new Hono<{ Variables: AdminVariables }>()
    .get('/', (c) => c.json<PromptList>({ prompts: listPromptRecords(db) }))
    .post('/', async (c) => {
      const draft = await readJson(c, PromptDraftSchema);
      if (draft instanceof Response) return draft;
      const now = clock.now();
      return db.transaction(() => {
        if (draft.id !== undefined && findPromptRecord(db, draft.id)) {
          return apiError(c, 409, 'conflict', `A question with the id "${draft.id}" exists already; choose another id, or leave it out.`, [
            { path: 'id', message: 'is taken' },
          ]);
        }
        const id = draft.id ?? makeId(draft.text, new Set(listPromptRecords(db).map((p) => p.id)), 'question');
        insertPrompt(db, { id, text: draft.text, where: draft.where });
        recordChange(db, { actor: c.var.admin, action: 'created', entity: 'prompt', entityId: id, summary: `for ${PLACES[draft.where]}` }, now);
        return c.json<PromptRecord>(findPromptRecord(db, id)!, 201);
      })();
    })
    .put('/:id', async (c) => {
      const body = await readJson(c, PromptEditSchema);
      if (body instanceof Response) return body;
      const id = c.req.param('id');
      const now = clock.now();
      return db.transaction(() => {
        const current = findPromptRecord(db, id);
        const stale = refuseStale(c, db, timezone(), { entity: 'prompt', noun, id, current, revision: body.revision });
        if (stale) return stale;
        const next: Prompt = { id, text: body.text, where: body.where };
        const changes = changedFields<Prompt>(current!, next, ['text', 'where']);
        if (!changes.length) return c.json<PromptRecord>(current!);
        updatePrompt(db, next);
        recordChange(db, { actor: c.var.admin, action: 'updated', entity: 'prompt', entityId: id, summary: `changed ${changes.join(', ')}` }, now);
        return c.json<PromptRecord>(findPromptRecord(db, id)!);
      })();
    })
    .delete('/:id', async (c) => {
      const body = await readJson(c, RevisionOnlySchema);
      if (body instanceof Response) return body;
      const id = c.req.param('id');
      const now = clock.now();
      return db.transaction(() => {
        const current = findPromptRecord(db, id);
        const stale = refuseStale(c, db, timezone(), { entity: 'prompt', noun, id, current, revision: body.revision });
        if (stale) return stale;
        deletePrompt(db, id);
        recordChange(db, { actor: c.var.admin, action: 'deleted', entity: 'prompt', entityId: id, summary: `was for ${PLACES[current!.where]}` }, now);
        return c.body(null, 204);
      })();
    });
}
