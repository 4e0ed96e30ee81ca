import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { AuditQuerySchema, type AuditPage } from '@customer-chair/shared/schemas/audit-entry';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { apiError } from '../../http/api-error';
import { listAuditEntries } from '../../storage/queries/list-audit-entries';

/** `GET /api/v1/admin/audit?before&limit&entity&entityId`: who changed what and when, newest first. */
export function adminAuditRoutes({ storage }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const query = AuditQuerySchema.safeParse(c.req.query());
    if (!query.success) return apiError(c, 400, 'invalid_request', 'The audit query is not valid.', toApiIssues(query.error));
    const { entries, more } = await listAuditEntries(storage, query.data);
    return c.json<AuditPage>({ entries, nextBefore: more ? entries[entries.length - 1]!.id : null });
  });
}
