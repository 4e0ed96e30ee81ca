import type { Queries } from '../storage';
import { bumpContentVersion } from './bump-content-version';
import { insertAuditEntry, type AuditChange } from './insert-audit-entry';

/**
 * Every content edit ends with this, inside its transaction: a new content
 * version (extensions get the change at their next sync) and an audit line.
 */
export async function recordChange(q: Queries, change: AuditChange, now: Date): Promise<number> {
  await insertAuditEntry(q, change, now);
  return bumpContentVersion(q, now);
}
