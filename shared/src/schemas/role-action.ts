import { z } from 'zod';
import { IdSchema, text } from './common';
import { LIMITS } from './limits';
import { RoleIdSchema } from './role';

/** A concrete customer-impact action for one role ("I did this"). */
export const RoleActionSchema = z.object({
  id: IdSchema,
  role: RoleIdSchema,
  text: text(LIMITS.actionText),
});
export type RoleAction = z.infer<typeof RoleActionSchema>;
