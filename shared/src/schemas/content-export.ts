import { z } from 'zod';
import { TimezoneSchema, UtcInstantSchema } from './common';
import { checkContentReferences, contentLists } from './content-bundle';

/** Marks a file as a Customer Chair export, so an import knows to restore it whole. */
export const EXPORT_FORMAT = 'customer-chair-content';

/**
 * `GET /api/v1/admin/export`: all content (archived stories too) and the time
 * zone. Posting the same file to the import restores it: a backup, or a move
 * to another server.
 */
export const ContentExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    formatVersion: z.literal(1),
    exportedAt: UtcInstantSchema,
    /** The content version it was taken from (informative; a restore makes a new one). */
    version: z.number().int().positive(),
    timezone: TimezoneSchema,
    ...contentLists,
  })
  .superRefine(checkContentReferences);
export type ContentExport = z.infer<typeof ContentExportSchema>;
