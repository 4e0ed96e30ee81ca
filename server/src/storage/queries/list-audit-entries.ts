import type { AuditEntry, AuditQuery } from '@customer-chair/shared/schemas/audit-entry';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** A page of the audit log, newest first; `limit + 1` are read to know whether another page follows. */
export function listAuditEntries(db: Database, query: AuditQuery): { entries: AuditEntry[]; more: boolean } {
  const rows = statement(
    db,
    `SELECT id, at, label, action, entity, entity_id AS entityId, summary FROM audit_log
     WHERE (@before IS NULL OR id < @before) AND (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
     ORDER BY id DESC LIMIT @limit`,
  ).all({ before: query.before ?? null, entity: query.entity ?? null, entityId: query.entityId ?? null, limit: query.limit + 1 }) as AuditEntry[];
  return { entries: rows.slice(0, query.limit), more: rows.length > query.limit };
}
