import type { AuditEntry, AuditQuery } from '@customer-chair/shared/schemas/audit-entry';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** A page of the audit log, newest first; `limit + 1` are read to know whether another page follows. */
export async function listAuditEntries(q: Queries, query: AuditQuery): Promise<{ entries: AuditEntry[]; more: boolean }> {
  // Only the filters asked for are written, so each engine plans the query it is given.
  const where = [
    query.before === undefined ? undefined : sql`id < ${query.before}`,
    query.entity === undefined ? undefined : sql`entity = ${query.entity}`,
    query.entityId === undefined ? undefined : sql`entity_id = ${query.entityId}`,
  ].filter((condition) => condition !== undefined);
  const rows = await q.all<AuditEntry>(
    sql`SELECT id, at, label, action, entity, entity_id AS "entityId", summary FROM audit_log
        ${where.length ? sql`WHERE ${sql.join(where, ' AND ')}` : sql``}
        ORDER BY id DESC LIMIT ${query.limit + 1}`,
  );
  return { entries: rows.slice(0, query.limit), more: rows.length > query.limit };
}
