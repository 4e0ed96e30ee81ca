import type { AuditEntity } from '@customer-chair/shared/schemas/audit-entry';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Who acted: an admin token (by id and its label then), or the server's command line (id null). */
export type Actor = { id: number | null; label: string };
export type AuditChange = { actor: Actor; action: string; entity: AuditEntity; entityId: string | null; summary: string };

/** Appends one line to the audit log. */
export function insertAuditEntry(db: Database, change: AuditChange, now: Date): void {
  statement(
    db,
    'INSERT INTO audit_log (at, admin_token_id, label, action, entity, entity_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(now.toISOString(), change.actor.id, change.actor.label, change.action, change.entity, change.entityId, change.summary);
}
