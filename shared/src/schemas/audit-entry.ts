import { z } from 'zod';
import { UtcInstantSchema } from './common';

export const AUDIT_ENTITIES = ['story', 'schedule', 'prompt', 'role', 'department', 'settings', 'content', 'token', 'round', 'entry', 'voice', 'person'] as const;
export const AuditEntitySchema = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof AuditEntitySchema>;

/** Who (the token's label, or the person's name) changed what and when; never the content itself, only what changed. */
export const AuditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: UtcInstantSchema,
  label: z.string(),
  action: z.string(),
  entity: AuditEntitySchema,
  entityId: z.string().nullable(),
  /** e.g. "changed title, body" or "2026-12-01: night-shift-login (was the rotation)". */
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /api/v1/admin/audit?before&limit&entity&entityId`: newest first, a page at a time. */
export const AuditQuerySchema = z.object({
  /** Entries older than this id (the previous page's `nextBefore`). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  entity: AuditEntitySchema.optional(),
  entityId: z.string().max(64).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().positive().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
