import type { Database } from 'better-sqlite3';
import { bumpContentVersion } from './bump-content-version';
import { insertAuditEntry, type AuditChange } from './insert-audit-entry';

/**
 * Every content edit ends with this, inside its transaction: a new content
 * version (extensions get the change at their next sync) and an audit line.
 */
export function recordChange(db: Database, change: AuditChange, now: Date): number {
  insertAuditEntry(db, change, now);
  return bumpContentVersion(db, now);
}
