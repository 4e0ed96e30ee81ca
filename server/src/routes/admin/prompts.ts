import { changedFields } from '@customer-chair/shared/domain/changed-fields';
import { makeId } from '@customer-chair/shared/domain/make-id';
import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import { PromptDraftSchema, PromptEditSchema, type PromptList, type PromptRecord } from '@customer-chair/shared/schemas/prompt-record';
import { RevisionOnlySchema } from '@customer-chair/shared/schemas/revision';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { createItem, editItem } from '../../editing/edit-item';
import type { AdminVariables } from '../../middleware/require-admin';
import { deletePrompt } from '../../storage/queries/delete-prompt';
import { findPromptRecord } from '../../storage/queries/find-prompt-record';
import { insertPrompt } from '../../storage/queries/insert-prompt';
import { listPromptRecords } from '../../storage/queries/list-prompt-records';
import { recordChange } from '../../storage/queries/record-change';
import { updatePrompt } from '../../storage/queries/update-prompt';
import type { Queries } from '../../storage/storage';

const PLACES = { meeting: 'meetings', newtab: 'the new tab', both: 'meetings and the new tab' } as const;

/** `/api/v1/admin/prompts`: the customer-chair questions, for meetings, the new tab or both. */
export function adminPromptRoutes(deps: AppDeps) {
  const { storage } = deps;
  const find = (q: Queries, id: string) => findPromptRecord(q, id);
  const item = (id: string) => ({ entity: 'prompt' as const, noun: 'question', id, find });
  return new Hono<{ Variables: AdminVariables }>()
    .get('/', async (c) => c.json<PromptList>({ prompts: await listPromptRecords(storage) }))
    .post('/', (c) =>
      createItem(
        c,
        deps,
        {
          schema: PromptDraftSchema,
          noun: 'question',
          find,
          makeId: async (tx, draft) => makeId(draft.text, new Set((await listPromptRecords(tx)).map((p) => p.id)), 'question'),
        },
        async (tx, draft, id, now) => {
          await insertPrompt(tx, { id, text: draft.text, where: draft.where });
          await recordChange(tx, { actor: c.var.admin, action: 'created', entity: 'prompt', entityId: id, summary: `for ${PLACES[draft.where]}` }, now);
          return c.json<PromptRecord>((await find(tx, id))!, 201);
        },
      ),
    )
    .put('/:id', (c) =>
      editItem(c, deps, { schema: PromptEditSchema, ...item(c.req.param('id')) }, async (tx, body, current, now) => {
        const next: Prompt = { id: current.id, text: body.text, where: body.where };
        const changes = changedFields<Prompt>(current, next, ['text', 'where']);
        if (!changes.length) return c.json<PromptRecord>(current);
        await updatePrompt(tx, next);
        await recordChange(tx, { actor: c.var.admin, action: 'updated', entity: 'prompt', entityId: current.id, summary: `changed ${changes.join(', ')}` }, now);
        return c.json<PromptRecord>((await find(tx, current.id))!);
      }),
    )
    .delete('/:id', (c) =>
      editItem(c, deps, { schema: RevisionOnlySchema, ...item(c.req.param('id')) }, async (tx, _body, current, now) => {
        await deletePrompt(tx, current.id);
        await recordChange(tx, { actor: c.var.admin, action: 'deleted', entity: 'prompt', entityId: current.id, summary: `was for ${PLACES[current.where]}` }, now);
        return c.body(null, 204);
      }),
    );
}
