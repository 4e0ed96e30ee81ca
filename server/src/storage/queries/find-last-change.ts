import type { AuditEntity } from '@customer-chair/shared/schemas/audit-entry';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Who last changed an item, and when (from the audit log). */
export async function findLastChange(q: Queries, entity: AuditEntity, entityId: string): Promise<{ label: string; at: string } | undefined> {
  return q.one<{ label: string; at: string }>(
    sql`SELECT label, at FROM audit_log WHERE entity = ${entity} AND entity_id = ${entityId} ORDER BY id DESC LIMIT 1`,
  );
}
