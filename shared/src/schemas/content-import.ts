import { z } from 'zod';
import { IdSchema } from './common';

/**
 * Columns a story import understands (CSV header or JSON keys); `id`, `roles`
 * and `credits` (department ids, "a; b" in a CSV cell) are optional extras.
 */
export const IMPORT_COLUMNS = ['id', 'title', 'customer', 'quote', 'body', 'impact', 'source', 'tags', 'roles', 'credits', 'publishOn'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** `POST /api/v1/admin/import?mode=preview|apply`: preview changes nothing; apply is all or nothing. */
export const ImportQuerySchema = z.object({
  mode: z.enum(['preview', 'apply'], { message: 'must be "preview" (dry run) or "apply"' }),
});

/** One problem, as "row N, column X: message" in `text`. */
export const ImportIssueSchema = z.object({
  /** The row it is on (a CSV's header is row 1; a JSON list's first item is row 1); null for the whole file. */
  row: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  text: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportActionSchema = z.enum(['create', 'update', 'unchanged', 'remove']);
export type ImportAction = z.infer<typeof ImportActionSchema>;

/** What happens to one story: made, changed (naming the fields), left as it is, or (restore only) removed. */
export const ImportRowResultSchema = z.object({
  row: z.number().int().positive().nullable(),
  action: ImportActionSchema,
  id: IdSchema,
  title: z.string(),
  customer: z.string(),
  changes: z.array(z.string()),
});
export type ImportRowResult = z.infer<typeof ImportRowResultSchema>;

const counts = z.object({
  create: z.number().int().nonnegative(),
  update: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  remove: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof counts>;

export const RESTORE_KINDS = ['stories', 'prompts', 'roles', 'actions', 'departments', 'schedule'] as const;
export type RestoreKind = (typeof RESTORE_KINDS)[number];

export const ImportResultSchema = z.object({
  /** "stories": rows from CSV or JSON, merged in; "restore": an export file, replacing all content. */
  kind: z.enum(['stories', 'restore']),
  mode: z.enum(['preview', 'apply']),
  /** True only when the changes were committed (apply, with no errors). */
  applied: z.boolean(),
  rows: z.array(ImportRowResultSchema),
  errors: z.array(ImportIssueSchema),
  /** Stories: what the rows do. Restore: per kind of content. */
  counts: z.record(z.string(), counts),
  /** Restore: the time zone the file sets, when it differs from the current one. */
  timezone: z.string().nullable(),
  /** The new content version, when applied. */
  version: z.number().int().positive().nullable(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
