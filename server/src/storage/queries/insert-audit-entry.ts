import type { AuditEntity } from '@customer-chair/shared/schemas/audit-entry';
import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * Who acted: an admin token (by id and its label then), a person signed in with the company's
 * provider (personId, labelled with their name or e-mail then), or the server's command line (neither).
 */
export type Actor = { id: number | null; personId?: number | null; label: string };
export type AuditChange = { actor: Actor; action: string; entity: AuditEntity; entityId: string | null; summary: string };

/** Appends one line to the audit log. */
export async function insertAuditEntry(q: Queries, change: AuditChange, now: Date): Promise<void> {
  await q.run(
    sql`INSERT INTO audit_log (at, admin_token_id, person_id, label, action, entity, entity_id, summary)
        VALUES (${now.toISOString()}, ${change.actor.id}, ${change.actor.personId ?? null}, ${change.actor.label}, ${change.action}, ${change.entity}, ${change.entityId}, ${change.summary})`,
  );
}
