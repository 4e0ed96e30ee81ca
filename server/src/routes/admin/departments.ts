import { changedFields } from '@customer-chair/shared/domain/changed-fields';
import { makeId } from '@customer-chair/shared/domain/make-id';
import type { Department } from '@customer-chair/shared/schemas/department';
import {
  DepartmentDraftSchema,
  DepartmentEditSchema,
  type DepartmentList,
  type DepartmentRecord,
} from '@customer-chair/shared/schemas/department-record';
import { RevisionOnlySchema } from '@customer-chair/shared/schemas/revision';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError } from '../../http/api-error';
import { createItem, editItem } from '../../editing/edit-item';
import type { AdminVariables } from '../../middleware/require-admin';
import { deleteDepartment } from '../../storage/queries/delete-department';
import { listDepartmentRecords } from '../../storage/queries/list-department-records';
import { listStoryRecords } from '../../storage/queries/list-story-records';
import { recordChange } from '../../storage/queries/record-change';
import { saveDepartment } from '../../storage/queries/save-department';
import type { Queries } from '../../storage/storage';

const withHeadcount = (id: string, name: string, headcount: number | null | undefined): Department =>
  headcount == null ? { id, name } : { id, name, headcount };

/** `/api/v1/admin/departments`: the departments employees pick, with headcount for adoption %. */
export function adminDepartmentRoutes(deps: AppDeps) {
  const { storage } = deps;
  const find = async (q: Queries, id: string) => (await listDepartmentRecords(q, id))[0];
  const item = (id: string) => ({ entity: 'department' as const, noun: 'department', id, find });
  return new Hono<{ Variables: AdminVariables }>()
    .get('/', async (c) => c.json<DepartmentList>({ departments: await listDepartmentRecords(storage) }))
    .post('/', (c) =>
      createItem(
        c,
        deps,
        {
          schema: DepartmentDraftSchema,
          noun: 'department',
          find,
          makeId: async (tx, draft) => makeId(draft.name, new Set((await listDepartmentRecords(tx)).map((d) => d.id)), 'department'),
        },
        async (tx, draft, id, now) => {
          await saveDepartment(tx, withHeadcount(id, draft.name, draft.headcount));
          await recordChange(tx, { actor: c.var.admin, action: 'created', entity: 'department', entityId: id, summary: `“${draft.name}”` }, now);
          return c.json<DepartmentRecord>((await find(tx, id))!, 201);
        },
      ),
    )
    .put('/:id', (c) =>
      editItem(c, deps, { schema: DepartmentEditSchema, ...item(c.req.param('id')) }, async (tx, body, current, now) => {
        const next = withHeadcount(current.id, body.name, body.headcount);
        const changes = changedFields<Department>(current, next, ['name', 'headcount']);
        if (!changes.length) return c.json<DepartmentRecord>(current);
        await saveDepartment(tx, next);
        await recordChange(tx, { actor: c.var.admin, action: 'updated', entity: 'department', entityId: current.id, summary: `changed ${changes.join(', ')}` }, now);
        return c.json<DepartmentRecord>((await find(tx, current.id))!);
      }),
    )
    .delete('/:id', (c) =>
      editItem(c, deps, { schema: RevisionOnlySchema, ...item(c.req.param('id')) }, async (tx, _body, current, now) => {
        // As for a role that stories name: the CX lead takes the credit off (archived stories too) and decides, nothing changes behind them.
        const crediting = (await listStoryRecords(tx)).filter((s) => s.credits?.includes(current.id));
        if (crediting.length) {
          const one = crediting.length === 1;
          return apiError(
            c,
            409,
            'conflict',
            `${crediting.length} ${one ? 'story credits' : 'stories credit'} the department “${current.name}” (${crediting.map((s) => s.id).join(', ')}); take it off ${one ? 'that story' : 'those stories'} first.`,
          );
        }
        await deleteDepartment(tx, current.id);
        await recordChange(tx, { actor: c.var.admin, action: 'deleted', entity: 'department', entityId: current.id, summary: `“${current.name}”` }, now);
        return c.body(null, 204);
      }),
    );
}
