import { z } from 'zod';
import { IdSchema, text } from './common';
import { LIMITS } from './limits';

/** Stats fold role cells with too few installs into this key, so no role may use it. */
export const OTHER_ROLE = 'other';

export const RoleIdSchema = IdSchema.refine((id) => id !== OTHER_ROLE, `"${OTHER_ROLE}" is reserved`);

export const RoleSchema = z.object({
  id: RoleIdSchema,
  name: text(LIMITS.roleName),
});
export type Role = z.infer<typeof RoleSchema>;
