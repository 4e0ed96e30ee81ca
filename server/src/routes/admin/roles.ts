import { assignActionIds } from '@customer-chair/shared/domain/assign-action-ids';
import { makeId } from '@customer-chair/shared/domain/make-id';
import { RevisionOnlySchema } from '@customer-chair/shared/schemas/revision';
import { RoleActionsEditSchema, RoleDraftSchema, RoleEditSchema, type RoleList, type RoleRecord } from '@customer-chair/shared/schemas/role-record';
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { apiError, invalidRequest } from '../../http/api-error';
import { readJson } from '../../http/read-json';
import { refuseStale } from '../../http/refuse-stale';
import type { AdminVariables } from '../../middleware/require-admin';
import { deleteRole } from '../../queries/delete-role';
import { getCompanyTimezone } from '../../queries/get-company-timezone';
import { insertRole } from '../../queries/insert-role';
import { listActionIds } from '../../queries/list-action-ids';
import { listRoleRecords } from '../../queries/list-role-records';
import { listStoryRecords } from '../../queries/list-story-records';
import { recordChange } from '../../queries/record-change';
import { replaceRoleActions } from '../../queries/replace-role-actions';
import { updateRole } from '../../queries/update-role';

const findRole = (db: AppDeps['db'], id: string): RoleRecord | undefined => listRoleRecords(db, id)[0];

/**
 * `/api/v1/admin/roles`: roles and their 3–5 actions, in order. One revision
 * covers a role's name and its list, so two leads editing it are told.
 */
export function adminRoleRoutes({ db, clock, config }: AppDeps) {
  const timezone = () => getCompanyTimezone(db, config.timezone);

  return new Hono<{ Variables: AdminVariables }>()
    .get('/', (c) => c.json<RoleList>({ roles: listRoleRecords(db) }))
    .post('/', async (c) => {
      const draft = await readJson(c, RoleDraftSchema);
      if (draft instanceof Response) return draft;
      const now = clock.now();
      return db.transaction(() => {
        if (draft.id !== undefined && findRole(db, draft.id)) {
          return apiError(c, 409, 'conflict', `A role with the id "${draft.id}" exists already; choose another id, or leave it out.`, [
            { path: 'id', message: 'is taken' },
          ]);
        }
        const id = draft.id ?? makeId(draft.name, new Set([...listRoleRecords(db).map((r) => r.id), 'other']), 'role');
        const { actions, issues } = assignActionIds(id, draft.actions, { own: new Set(), taken: listActionIds(db) });
        if (issues.length) return invalidRequest(c, issues);
        insertRole(db, { id, name: draft.name });
        replaceRoleActions(db, id, actions);
        recordChange(db, { actor: c.var.admin, action: 'created', entity: 'role', entityId: id, summary: `“${draft.name}” with ${actions.length} actions` }, now);
        return c.json<RoleRecord>(findRole(db, id)!, 201);
      })();
    })
    .put('/:id', async (c) => {
      const body = await readJson(c, RoleEditSchema);
      if (body instanceof Response) return body;
      const id = c.req.param('id');
      const now = clock.now();
      return db.transaction(() => {
        const current = findRole(db, id);
        const stale = refuseStale(c, db, timezone(), { entity: 'role', noun: 'role', id, current, revision: body.revision });
        if (stale) return stale;
        if (current!.name === body.name) return c.json<RoleRecord>(current!);
        updateRole(db, id, body.name);
        recordChange(db, { actor: c.var.admin, action: 'renamed', entity: 'role', entityId: id, summary: `was “${current!.name}”` }, now);
        return c.json<RoleRecord>(findRole(db, id)!);
      })();
    })
    .put('/:id/actions', async (c) => {
      const body = await readJson(c, RoleActionsEditSchema);
      if (body instanceof Response) return body;
      const id = c.req.param('id');
      const now = clock.now();
      return db.transaction(() => {
        const current = findRole(db, id);
        const stale = refuseStale(c, db, timezone(), { entity: 'role', noun: 'role', id, current, revision: body.revision });
        if (stale) return stale;
        const own = new Set(current!.actions.map((a) => a.id));
        const { actions, issues } = assignActionIds(id, body.actions, { own, taken: listActionIds(db) });
        if (issues.length) return invalidRequest(c, issues);
        if (JSON.stringify(actions) === JSON.stringify(current!.actions)) return c.json<RoleRecord>(current!);
        replaceRoleActions(db, id, actions);
        updateRole(db, id);
        const kept = actions.filter((a) => own.has(a.id)).length;
        const summary = `${actions.length} actions: ${actions.length - kept} new, ${own.size - kept} removed, order and wording as sent`;
        recordChange(db, { actor: c.var.admin, action: 'actions changed', entity: 'role', entityId: id, summary }, now);
        return c.json<RoleRecord>(findRole(db, id)!);
      })();
    })
    .delete('/:id', async (c) => {
      const body = await readJson(c, RevisionOnlySchema);
      if (body instanceof Response) return body;
      const id = c.req.param('id');
      const now = clock.now();
      return db.transaction(() => {
        const current = findRole(db, id);
        const stale = refuseStale(c, db, timezone(), { entity: 'role', noun: 'role', id, current, revision: body.revision });
        if (stale) return stale;
        const naming = listStoryRecords(db).filter((s) => s.roles?.includes(id));
        if (naming.length) {
          return apiError(
            c,
            409,
            'conflict',
            `${naming.length} ${naming.length === 1 ? 'story names' : 'stories name'} the role “${current!.name}” (${naming.map((s) => s.id).join(', ')}); take it off ${naming.length === 1 ? 'that story' : 'those stories'} first.`,
          );
        }
        deleteRole(db, id);
        recordChange(db, { actor: c.var.admin, action: 'deleted', entity: 'role', entityId: id, summary: `“${current!.name}” and its ${current!.actions.length} actions` }, now);
        return c.body(null, 204);
      })();
    });
}
