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
import type { AppDeps } from '../../app';
import { apiError } from '../../http/api-error';
import { readJson } from '../../http/read-json';
import { refuseStale } from '../../http/refuse-stale';
import type { AdminVariables } from '../../middleware/require-admin';
import { deleteDepartment } from '../../queries/delete-department';
import { getCompanyTimezone } from '../../queries/get-company-timezone';
import { listDepartmentRecords } from '../../queries/list-department-records';
import { recordChange } from '../../queries/record-change';
import { saveDepartment } from '../../queries/save-department';

const findDepartment = (db: AppDeps['db'], id: string) => listDepartmentRecords(db, id)[0];
const withHeadcount = (id: string, name: string, headcount: number | null | undefined): Department =>
  headcount == null ? { id, name } : { id, name, headcount };

/** `/api/v1/admin/departments`: the departments employees pick, with headcount for adoption %. */
export function adminDepartmentRoutes({ db, clock, config }: AppDeps) {
  const timezone = () => getCompanyTimezone(db, config.timezone);
  return new Hono<{ Variables: AdminVariables }>()
    .get('/', (c) => c.json<DepartmentList>({ departments: listDepartmentRecords(db) }))
    .post('/', async (c) => {
      const draft = await readJson(c, DepartmentDraftSchema);
      if (draft instanceof Response) return draft;
      const now = clock.now();
      return db.transaction(() => {
        if (draft.id !== undefined && findDepartment(db, draft.id)) {
          return apiError(c, 409, 'conflict', `A department with the id "${draft.id}" exists already; choose another id, or leave it out.`, [
            { path: 'id', message: 'is taken' },
          ]);
        }
        const id = draft.id ?? makeId(draft.name, new Set(listDepartmentRecords(db).map((d) => d.id)), 'department');
        saveDepartment(db, withHeadcount(id, draft.name, draft.headcount));
        recordChange(db, { actor: c.var.admin, action: 'created', entity: 'department', entityId: id, summary: `“${draft.name}”` }, now);
        return c.json<DepartmentRecord>(findDepartment(db, id)!, 201);
      })();
    })
    .put('/:id', async (c) => {
      const body = await readJson(c, DepartmentEditSchema);
      if (body instanceof Response) return body;
      const id = c.req.param('id');
      const now = clock.now();
      return db.transaction(() => {
        const current = findDepartment(db, id);
        const stale = refuseStale(c, db, timezone(), { entity: 'department', noun: 'department', id, current, revision: body.revision });
        if (stale) return stale;
        const next = withHeadcount(id, body.name, body.headcount);
        const changes = changedFields<Department>(current!, next, ['name', 'headcount']);
        if (!changes.length) return c.json<DepartmentRecord>(current!);
        saveDepartment(db, next);
        recordChange(db, { actor: c.var.admin, action: 'updated', entity: 'department', entityId: id, summary: `changed ${changes.join(', ')}` }, now);
        return c.json<DepartmentRecord>(findDepartment(db, id)!);
      })();
    })
    .delete('/:id', async (c) => {
      const body = await readJson(c, RevisionOnlySchema);
      if (body instanceof Response) return body;
      const id = c.req.param('id');
      const now = clock.now();
      return db.transaction(() => {
        const current = findDepartment(db, id);
        const stale = refuseStale(c, db, timezone(), { entity: 'department', noun: 'department', id, current, revision: body.revision });
        if (stale) return stale;
        deleteDepartment(db, id);
        recordChange(db, { actor: c.var.admin, action: 'deleted', entity: 'department', entityId: id, summary: `“${current!.name}”` }, now);
        return c.body(null, 204);
      })();
    });
}
