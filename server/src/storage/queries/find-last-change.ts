import type { AuditEntity } from '@customer-chair/shared/schemas/audit-entry';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Who last changed an item, and when (from the audit log). */
export function findLastChange(db: Database, entity: AuditEntity, entityId: string): { label: string; at: string } | undefined {
  return statement(
    db,
    'SELECT label, at FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1',
  ).get(entity, entityId) as { label: string; at: string } | undefined;
}
