import { z } from 'zod';
import { IdSchema } from './common';
import { LIMITS } from './limits';
import { plainText } from './plain-text';
import { RevisionSchema } from './revision';
import { RoleIdSchema } from './role';

/** One action in a role's ordered list; an id keeps an existing action (and its stats). */
export const ActionItemSchema = z.strictObject({ id: IdSchema.optional(), text: plainText(LIMITS.actionText) });

const actionList = z
  .array(ActionItemSchema)
  .min(LIMITS.actionsPerRoleMin, `a role needs at least ${LIMITS.actionsPerRoleMin} actions`)
  .max(LIMITS.actionsPerRoleMax, `a role has at most ${LIMITS.actionsPerRoleMax} actions`);

/** `POST /api/v1/admin/roles`: a role with its first 3–5 actions. */
export const RoleDraftSchema = z.strictObject({
  id: RoleIdSchema.optional(),
  name: plainText(LIMITS.roleName),
  actions: actionList,
});
export type RoleDraft = z.infer<typeof RoleDraftSchema>;

/** `PUT /api/v1/admin/roles/:id`: rename. */
export const RoleEditSchema = z.strictObject({ name: plainText(LIMITS.roleName), revision: RevisionSchema });
export type RoleEdit = z.infer<typeof RoleEditSchema>;

/** `PUT /api/v1/admin/roles/:id/actions`: the whole ordered list, 3–5 actions. */
export const RoleActionsEditSchema = z.strictObject({ actions: actionList, revision: RevisionSchema });
export type RoleActionsEdit = z.infer<typeof RoleActionsEditSchema>;

/** A role as the editor sees it: its actions in order, and one revision for both. */
export const RoleRecordSchema = z.object({
  id: RoleIdSchema,
  name: z.string(),
  revision: RevisionSchema,
  actions: z.array(z.object({ id: IdSchema, text: z.string() })),
});
export type RoleRecord = z.infer<typeof RoleRecordSchema>;

export const RoleListSchema = z.object({ roles: z.array(RoleRecordSchema) });
export type RoleList = z.infer<typeof RoleListSchema>;
