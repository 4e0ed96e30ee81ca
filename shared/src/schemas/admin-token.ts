import { z } from 'zod';
import { AdminRoleSchema } from './admin-role';
import { UtcInstantSchema } from './common';
import { LIMITS } from './limits';
import { plainText } from './plain-text';

/** The label a token is known by in the audit log, e.g. "Ana (CX)". */
export const TokenLabelSchema = plainText(LIMITS.tokenLabel);

/**
 * A token as listed (never the token itself: only its hash is stored), with
 * its role and, for a judge tied to one, the department whose entries the
 * judge neither sees nor scores.
 */
export const AdminTokenInfoSchema = z.object({
  id: z.number().int().positive(),
  label: z.string(),
  role: AdminRoleSchema,
  department: z.string().nullable(),
  createdAt: UtcInstantSchema,
  revokedAt: UtcInstantSchema.nullable(),
});
export type AdminTokenInfo = z.infer<typeof AdminTokenInfoSchema>;

export const AdminTokenListSchema = z.object({ tokens: z.array(AdminTokenInfoSchema) });
export type AdminTokenList = z.infer<typeof AdminTokenListSchema>;
