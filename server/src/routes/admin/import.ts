import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import type { ContentExport } from '@customer-chair/shared/schemas/content-export';
import { ImportQuerySchema, type ImportIssue, type ImportResult } from '@customer-chair/shared/schemas/content-import';
import { LIMITS } from '@customer-chair/shared/schemas/limits';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError } from '../../http/api-error';
import { planImportOffThread } from '../../import/plan-import-off-thread';
import type { AdminVariables } from '../../middleware/require-admin';
import { limitBody } from '../../middleware/limit-body';
import { getContentVersion } from '../../storage/queries/get-content-version';
import { insertAuditEntry } from '../../storage/queries/insert-audit-entry';
import { insertStories } from '../../storage/queries/insert-stories';
import { listRoleRecords } from '../../storage/queries/list-role-records';
import { listStoryRecords } from '../../storage/queries/list-story-records';
import { loadContentBundle } from '../../storage/queries/load-content-bundle';
import { recordChange } from '../../storage/queries/record-change';
import { restoreContent } from '../../storage/queries/restore-content';
import { setTimezone } from '../../storage/queries/set-timezone';
import { updateStory } from '../../storage/queries/update-story';

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
 *
 * The file is read and checked on another thread (planImportOffThread)
 * against the content as it was; the writes then happen in one transaction,
 * only if the content has not changed meanwhile (else it is planned again).
 */
export function adminImportRoutes({ storage, clock, config }: AppDeps) {
  return new Hono<{ Variables: AdminVariables }>().post('/', limitBody(LIMITS.importBodyBytes, 'split the file and import it in parts.'), async (c) => {
    const query = ImportQuerySchema.safeParse(c.req.query());
    if (!query.success) return apiError(c, 400, 'invalid_request', 'Say ?mode=preview (a dry run) or ?mode=apply.', toApiIssues(query.error));
    const { mode } = query.data;
    const body = await c.req.arrayBuffer();
    const result = (kind: ImportResult['kind'], rest: Omit<ImportResult, 'kind' | 'mode' | 'applied' | 'version'>, version: number | null = null) =>
      c.json<ImportResult>({ kind, mode, applied: version !== null, ...rest, version });

    for (let attempt = 1; ; attempt++) {
      // The version first: if anything changes while the rest is read, the apply below sees it and plans again.
      const planned = (await getContentVersion(storage))?.version;
      const [stories, roles, bundle] = await Promise.all([listStoryRecords(storage), listRoleRecords(storage), loadContentBundle(storage, config.timezone)]);
      // The bundle's departments are those of the same read: credits are checked against them.
      const current = { stories, roleIds: roles.map((r) => r.id), departmentIds: bundle!.departments.map((d) => d.id), bundle: bundle! };
      const file = await planImportOffThread(c.req.header('Content-Type') ?? '', body.slice(0), current, mode === 'apply');
      if (file.kind === 'unsupported') {
        return apiError(c, 415, 'unsupported_media_type', 'Send the file as CSV ("Content-Type: text/csv") or JSON ("Content-Type: application/json").');
      }
      if (file.kind === 'unreadable') {
        return apiError(c, 400, 'invalid_request', file.message, [{ path: file.row ? `row ${file.row}` : '(file)', message: file.message }]);
      }
      if (file.kind === 'restore' && !file.plan) {
        return mode === 'apply' ? refuseWithErrors(c, file.errors) : result('restore', { rows: [], errors: file.errors, counts: {}, timezone: null });
      }
      if (mode === 'preview') {
        if (file.kind === 'restore') return result('restore', { ...file.plan!, errors: [] });
        const { plan } = file;
        return result('stories', { rows: plan.rows, errors: plan.errors, counts: { stories: plan.counts }, timezone: null });
      }
      if (file.kind === 'stories' && file.plan.errors.length) return refuseWithErrors(c, file.plan.errors);

      const now = clock.now();
      // Under the content lock: no other instance's edit can come between the version check and the writes.
      const answer = await storage.transaction(async (tx) => {
        // Someone changed the content while the file was being checked: plan again against theirs.
        if ((await getContentVersion(tx))?.version !== planned) return undefined;
        if (file.kind === 'restore') {
          const { plan, file: restored } = file as Extract<typeof file, { errors: [] }> & { file: ContentExport };
          const version = await restoreContent(tx, restored, now);
          if (plan.timezone !== null) await setTimezone(tx, plan.timezone);
          const summary = `restored an export of ${restored.exportedAt}: stories ${describeCounts(plan.counts.stories)}${plan.timezone ? `; time zone ${plan.timezone}` : ''}`;
          await insertAuditEntry(tx, { actor: c.var.admin, action: 'restored', entity: 'content', entityId: null, summary }, now);
          return result('restore', { ...plan, errors: [] }, version);
        }
        const { plan } = file;
        const body = { rows: plan.rows, errors: plan.errors, counts: { stories: plan.counts }, timezone: null };
        if (!plan.writes.length) return result('stories', body);
        await insertStories(tx, plan.writes.filter((w) => w.action === 'create').map((w) => w.story), now);
        for (const write of plan.writes) if (write.action === 'update') await updateStory(tx, write.story.id, write.story, now);
        const summary = `stories from ${file.source}: ${describeCounts(plan.counts)}`;
        const version = await recordChange(tx, { actor: c.var.admin, action: 'imported', entity: 'content', entityId: null, summary }, now);
        return result('stories', body, version);
      }, { lock: 'content' });
      if (answer) return answer;
      if (attempt === 3) return apiError(c, 409, 'conflict', 'The content kept changing while the file was being checked; nothing was imported. Try again.');
    }
  });
}
