import { assignActionIds } from '@customer-chair/shared/domain/assign-action-ids';
import { makeId } from '@customer-chair/shared/domain/make-id';
import { RevisionOnlySchema } from '@customer-chair/shared/schemas/revision';
import { OTHER_ROLE } from '@customer-chair/shared/schemas/role';
import { RoleActionsEditSchema, RoleDraftSchema, RoleEditSchema, type RoleList, type RoleRecord } from '@customer-chair/shared/schemas/role-record';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError, invalidRequest } from '../../http/api-error';
import { createItem, editItem } from '../../editing/edit-item';
import type { AdminVariables } from '../../middleware/require-admin';
import { deleteRole } from '../../storage/queries/delete-role';
import { insertRole } from '../../storage/queries/insert-role';
import { listActionIds } from '../../storage/queries/list-action-ids';
import { listRoleRecords } from '../../storage/queries/list-role-records';
import { listStoryRecords } from '../../storage/queries/list-story-records';
import { recordChange } from '../../storage/queries/record-change';
import { replaceRoleActions } from '../../storage/queries/replace-role-actions';
import { updateRole } from '../../storage/queries/update-role';
import type { Queries } from '../../storage/storage';

/**
 * `/api/v1/admin/roles`: roles and their 3–5 actions, in order. One revision
 * covers a role's name and its list, so two leads editing it are told.
 */
export function adminRoleRoutes(deps: AppDeps) {
  const { storage } = deps;
  const find = async (q: Queries, id: string): Promise<RoleRecord | undefined> => (await listRoleRecords(q, id))[0];
  const item = (id: string) => ({ entity: 'role' as const, noun: 'role', id, find });
  return new Hono<{ Variables: AdminVariables }>()
    .get('/', async (c) => c.json<RoleList>({ roles: await listRoleRecords(storage) }))
    .post('/', (c) =>
      createItem(
        c,
        deps,
        {
          schema: RoleDraftSchema,
          noun: 'role',
          find,
          makeId: async (tx, draft) => makeId(draft.name, new Set([...(await listRoleRecords(tx)).map((r) => r.id), OTHER_ROLE]), 'role'),
        },
        async (tx, draft, id, now) => {
          const { actions, issues } = assignActionIds(id, draft.actions, { own: new Set(), taken: await listActionIds(tx) });
          if (issues.length) return invalidRequest(c, issues);
          await insertRole(tx, { id, name: draft.name });
          await replaceRoleActions(tx, id, actions);
          await recordChange(tx, { actor: c.var.admin, action: 'created', entity: 'role', entityId: id, summary: `“${draft.name}” with ${actions.length} actions` }, now);
          return c.json<RoleRecord>((await find(tx, id))!, 201);
        },
      ),
    )
    .put('/:id', (c) =>
      editItem(c, deps, { schema: RoleEditSchema, ...item(c.req.param('id')) }, async (tx, body, current, now) => {
        if (current.name === body.name) return c.json<RoleRecord>(current);
        await updateRole(tx, current.id, body.name);
        await recordChange(tx, { actor: c.var.admin, action: 'renamed', entity: 'role', entityId: current.id, summary: `was “${current.name}”` }, now);
        return c.json<RoleRecord>((await find(tx, current.id))!);
      }),
    )
    .put('/:id/actions', (c) =>
      editItem(c, deps, { schema: RoleActionsEditSchema, ...item(c.req.param('id')) }, async (tx, body, current, now) => {
        const own = new Set(current.actions.map((a) => a.id));
        const { actions, issues } = assignActionIds(current.id, body.actions, { own, taken: await listActionIds(tx) });
        if (issues.length) return invalidRequest(c, issues);
        if (JSON.stringify(actions) === JSON.stringify(current.actions)) return c.json<RoleRecord>(current);
        await replaceRoleActions(tx, current.id, actions);
        await updateRole(tx, current.id);
        const kept = actions.filter((a) => own.has(a.id)).length;
        const summary = `${actions.length} actions: ${actions.length - kept} new, ${own.size - kept} removed, order and wording as sent`;
        await recordChange(tx, { actor: c.var.admin, action: 'actions changed', entity: 'role', entityId: current.id, summary }, now);
        return c.json<RoleRecord>((await find(tx, current.id))!);
      }),
    )
    .delete('/:id', (c) =>
      editItem(c, deps, { schema: RevisionOnlySchema, ...item(c.req.param('id')) }, async (tx, _body, current, now) => {
        const naming = (await listStoryRecords(tx)).filter((s) => s.roles?.includes(current.id));
        if (naming.length) {
          const one = naming.length === 1;
          return apiError(
            c,
            409,
            'conflict',
            `${naming.length} ${one ? 'story names' : 'stories name'} the role “${current.name}” (${naming.map((s) => s.id).join(', ')}); take it off ${one ? 'that story' : 'those stories'} first.`,
          );
        }
        await deleteRole(tx, current.id);
        await recordChange(tx, { actor: c.var.admin, action: 'deleted', entity: 'role', entityId: current.id, summary: `“${current.name}” and its ${current.actions.length} actions` }, now);
        return c.body(null, 204);
      }),
    );
}
