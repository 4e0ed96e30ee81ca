import { assignActionIds } from '@customer-chair/shared/domain/assign-action-ids';
import { makeId } from '@customer-chair/shared/domain/make-id';
import { RevisionOnlySchema } from '@customer-chair/shared/schemas/revision';
import { OTHER_ROLE } from '@customer-chair/shared/schemas/role';
import { RoleActionsEditSchema, RoleDraftSchema, RoleEditSchema, type RoleList, type RoleRecord } from '@customer-chair/shared/schemas/role-record';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError, invalidRequest } from '../../http/api-error';
import { createItem, editItem } from '../../http/edit-item';
import type { AdminVariables } from '../../middleware/require-admin';
import { deleteRole } from '../../storage/queries/delete-role';
import { insertRole } from '../../storage/queries/insert-role';
import { listActionIds } from '../../storage/queries/list-action-ids';
import { listRoleRecords } from '../../storage/queries/list-role-records';
import { listStoryRecords } from '../../storage/queries/list-story-records';
import { recordChange } from '../../storage/queries/record-change';
import { replaceRoleActions } from '../../storage/queries/replace-role-actions';
import { updateRole } from '../../storage/queries/update-role';

/**
 * `/api/v1/admin/roles`: roles and their 3–5 actions, in order. One revision
 * covers a role's name and its list, so two leads editing it are told.
 */
export function adminRoleRoutes(deps: AppDeps) {
  const { db } = deps;
  const find = (id: string): RoleRecord | undefined => listRoleRecords(db, id)[0];
  const item = (id: string) => ({ entity: 'role' as const, noun: 'role', id, find });
  return new Hono<{ Variables: AdminVariables }>()
    .get('/', (c) => c.json<RoleList>({ roles: listRoleRecords(db) }))
    .post('/', (c) =>
      createItem(
        c,
        deps,
        {
          schema: RoleDraftSchema,
          noun: 'role',
          find,
          makeId: (draft) => makeId(draft.name, new Set([...listRoleRecords(db).map((r) => r.id), OTHER_ROLE]), 'role'),
        },
        (draft, id, now) => {
          const { actions, issues } = assignActionIds(id, draft.actions, { own: new Set(), taken: listActionIds(db) });
          if (issues.length) return invalidRequest(c, issues);
          insertRole(db, { id, name: draft.name });
          replaceRoleActions(db, id, actions);
          recordChange(db, { actor: c.var.admin, action: 'created', entity: 'role', entityId: id, summary: `“${draft.name}” with ${actions.length} actions` }, now);
          return c.json<RoleRecord>(find(id)!, 201);
        },
      ),
    )
    .put('/:id', (c) =>
      editItem(c, deps, { schema: RoleEditSchema, ...item(c.req.param('id')) }, (body, current, now) => {
        if (current.name === body.name) return c.json<RoleRecord>(current);
        updateRole(db, current.id, body.name);
        recordChange(db, { actor: c.var.admin, action: 'renamed', entity: 'role', entityId: current.id, summary: `was “${current.name}”` }, now);
        return c.json<RoleRecord>(find(current.id)!);
      }),
    )
    .put('/:id/actions', (c) =>
      editItem(c, deps, { schema: RoleActionsEditSchema, ...item(c.req.param('id')) }, (body, current, now) => {
        const own = new Set(current.actions.map((a) => a.id));
        const { actions, issues } = assignActionIds(current.id, body.actions, { own, taken: listActionIds(db) });
        if (issues.length) return invalidRequest(c, issues);
        if (JSON.stringify(actions) === JSON.stringify(current.actions)) return c.json<RoleRecord>(current);
        replaceRoleActions(db, current.id, actions);
        updateRole(db, current.id);
        const kept = actions.filter((a) => own.has(a.id)).length;
        const summary = `${actions.length} actions: ${actions.length - kept} new, ${own.size - kept} removed, order and wording as sent`;
        recordChange(db, { actor: c.var.admin, action: 'actions changed', entity: 'role', entityId: current.id, summary }, now);
        return c.json<RoleRecord>(find(current.id)!);
      }),
    )
    .delete('/:id', (c) =>
      editItem(c, deps, { schema: RevisionOnlySchema, ...item(c.req.param('id')) }, (_body, current, now) => {
        const naming = listStoryRecords(db).filter((s) => s.roles?.includes(current.id));
        if (naming.length) {
          const one = naming.length === 1;
          return apiError(
            c,
            409,
            'conflict',
            `${naming.length} ${one ? 'story names' : 'stories name'} the role “${current.name}” (${naming.map((s) => s.id).join(', ')}); take it off ${one ? 'that story' : 'those stories'} first.`,
          );
        }
        deleteRole(db, current.id);
        recordChange(db, { actor: c.var.admin, action: 'deleted', entity: 'role', entityId: current.id, summary: `“${current.name}” and its ${current.actions.length} actions` }, now);
        return c.body(null, 204);
      }),
    );
}
