import { importIssue } from '@customer-chair/shared/domain/import-issue';
import { planContentRestore } from '@customer-chair/shared/domain/plan-content-restore';
import { planStoryImport } from '@customer-chair/shared/domain/plan-story-import';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { ContentExportSchema } from '@customer-chair/shared/schemas/content-export';
import { ImportQuerySchema, type ImportIssue, type ImportResult } from '@customer-chair/shared/schemas/content-import';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../app';
import { apiError } from '../../http/api-error';
import { readImportFile } from '../../import/read-import-file';
import type { AdminVariables } from '../../middleware/require-admin';
import { limitBody } from '../../middleware/limit-body';
import { getCompanyTimezone } from '../../queries/get-company-timezone';
import { insertAuditEntry } from '../../queries/insert-audit-entry';
import { insertStory } from '../../queries/insert-story';
import { listRoleRecords } from '../../queries/list-role-records';
import { listStoryRecords } from '../../queries/list-story-records';
import { loadContentBundle } from '../../queries/load-content-bundle';
import { recordChange } from '../../queries/record-change';
import { restoreContent } from '../../queries/restore-content';
import { setTimezone } from '../../queries/set-timezone';
import { updateStory } from '../../queries/update-story';

/** Apply with errors: nothing is written, and every error is listed. */
function refuseWithErrors(c: Context, errors: ImportIssue[]): Response {
  return apiError(
    c,
    400,
    'invalid_request',
    `Nothing was imported: ${errors.length} problem${errors.length === 1 ? '' : 's'} — ${errors.map((e) => e.text).join('; ')}.`,
    errors.map((e) => ({ path: [e.row !== null ? `row ${e.row}` : '', e.column !== null ? `column ${e.column}` : ''].filter(Boolean).join(', ') || '(file)', message: e.message })),
  );
}

const describeCounts = (counts: { create: number; update: number; unchanged: number; remove: number }) =>
  `${counts.create} created, ${counts.update} updated, ${counts.unchanged} unchanged${counts.remove ? `, ${counts.remove} removed` : ''}`;

/**
 * `POST /api/v1/admin/import?mode=preview|apply`: stories from CSV or JSON
 * (merged in), or an export file (restored whole). "preview" is a dry run
 * that changes nothing; "apply" writes everything in one transaction, or
 * nothing at all when any row has an error.
 */
export function adminImportRoutes({ db, clock, config }: AppDeps) {
  return new Hono<{ Variables: AdminVariables }>().post('/', limitBody(LIMITS.importBodyBytes, 'split the file and import it in parts.'), async (c) => {
    const query = ImportQuerySchema.safeParse(c.req.query());
    if (!query.success) return apiError(c, 400, 'invalid_request', 'Say ?mode=preview (a dry run) or ?mode=apply.', toApiIssues(query.error));
    const { mode } = query.data;
    const file = readImportFile(c.req.header('Content-Type') ?? '', await c.req.text());
    if (file.kind === 'unsupported') {
      return apiError(c, 415, 'unsupported_media_type', 'Send the file as CSV ("Content-Type: text/csv") or JSON ("Content-Type: application/json").');
    }
    if (file.kind === 'unreadable') {
      return apiError(c, 400, 'invalid_request', file.message, [{ path: file.row ? `row ${file.row}` : '(file)', message: file.message }]);
    }
    const now = clock.now();
    const timezone = getCompanyTimezone(db, config.timezone);
    const result = (kind: ImportResult['kind'], rest: Omit<ImportResult, 'kind' | 'mode' | 'applied' | 'version'>, version: number | null = null) =>
      c.json<ImportResult>({ kind, mode, applied: version !== null, ...rest, version });

    if (file.kind === 'restore') {
      const parsed = ContentExportSchema.safeParse(file.file);
      const errors = parsed.success ? [] : toApiIssues(parsed.error).map((i) => importIssue(null, null, `${i.path}: ${i.message}`));
      if (!parsed.success) return mode === 'apply' ? refuseWithErrors(c, errors) : result('restore', { rows: [], errors, counts: {}, timezone: null });
      return db.transaction(() => {
        const plan = planContentRestore(loadContentBundle(db, timezone)!, parsed.data);
        if (mode === 'preview') return result('restore', { ...plan, errors: [] });
        const version = restoreContent(db, parsed.data, now);
        if (plan.timezone !== null) setTimezone(db, plan.timezone);
        const summary = `restored an export of ${parsed.data.exportedAt}: stories ${describeCounts(plan.counts.stories)}${plan.timezone ? `; time zone ${plan.timezone}` : ''}`;
        insertAuditEntry(db, { actor: c.var.admin, action: 'restored', entity: 'content', entityId: null, summary }, now);
        return result('restore', { ...plan, errors: [] }, version);
      })();
    }

    return db.transaction(() => {
      const roleIds = new Set(listRoleRecords(db).map((r) => r.id));
      const plan = planStoryImport(file.input, { stories: listStoryRecords(db), roleIds });
      const body = { rows: plan.rows, errors: plan.errors, counts: { stories: plan.counts }, timezone: null };
      if (mode === 'preview') return result('stories', body);
      if (plan.errors.length) return refuseWithErrors(c, plan.errors);
      if (!plan.writes.length) return result('stories', body);
      for (const write of plan.writes) {
        if (write.action === 'create') insertStory(db, write.story, now);
        else updateStory(db, write.story.id, write.story, now);
      }
      const summary = `stories from ${file.source}: ${describeCounts(plan.counts)}`;
      const version = recordChange(db, { actor: c.var.admin, action: 'imported', entity: 'content', entityId: null, summary }, now);
      return result('stories', body, version);
    })();
  });
}
