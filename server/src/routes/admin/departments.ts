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
import { createItem, editItem } from '../../http/edit-item';
import type { AdminVariables } from '../../middleware/require-admin';
import { deleteDepartment } from '../../storage/queries/delete-department';
import { listDepartmentRecords } from '../../storage/queries/list-department-records';
import { recordChange } from '../../storage/queries/record-change';
import { saveDepartment } from '../../storage/queries/save-department';

const withHeadcount = (id: string, name: string, headcount: number | null | undefined): Department =>
  headcount == null ? { id, name } : { id, name, headcount };

/** `/api/v1/admin/departments`: the departments employees pick, with headcount for adoption %. */
export function adminDepartmentRoutes(deps: AppDeps) {
  const { db } = deps;
  const find = (id: string) => listDepartmentRecords(db, id)[0];
  const item = (id: string) => ({ entity: 'department' as const, noun: 'department', id, find });
  return new Hono<{ Variables: AdminVariables }>()
    .get('/', (c) => c.json<DepartmentList>({ departments: listDepartmentRecords(db) }))
    .post('/', (c) =>
      createItem(
        c,
        deps,
        {
          schema: DepartmentDraftSchema,
          noun: 'department',
          find,
          makeId: (draft) => makeId(draft.name, new Set(listDepartmentRecords(db).map((d) => d.id)), 'department'),
        },
        (draft, id, now) => {
          saveDepartment(db, withHeadcount(id, draft.name, draft.headcount));
          recordChange(db, { actor: c.var.admin, action: 'created', entity: 'department', entityId: id, summary: `“${draft.name}”` }, now);
          return c.json<DepartmentRecord>(find(id)!, 201);
        },
      ),
    )
    .put('/:id', (c) =>
      editItem(c, deps, { schema: DepartmentEditSchema, ...item(c.req.param('id')) }, (body, current, now) => {
        const next = withHeadcount(current.id, body.name, body.headcount);
        const changes = changedFields<Department>(current, next, ['name', 'headcount']);
        if (!changes.length) return c.json<DepartmentRecord>(current);
        saveDepartment(db, next);
        recordChange(db, { actor: c.var.admin, action: 'updated', entity: 'department', entityId: current.id, summary: `changed ${changes.join(', ')}` }, now);
        return c.json<DepartmentRecord>(find(current.id)!);
      }),
    )
    .delete('/:id', (c) =>
      editItem(c, deps, { schema: RevisionOnlySchema, ...item(c.req.param('id')) }, (_body, current, now) => {
        deleteDepartment(db, current.id);
        recordChange(db, { actor: c.var.admin, action: 'deleted', entity: 'department', entityId: current.id, summary: `“${current.name}”` }, now);
        return c.body(null, 204);
      }),
    );
}
