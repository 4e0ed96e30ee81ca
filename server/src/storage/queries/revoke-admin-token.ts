import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Revokes a live token and ends its dashboard sessions; false when it was not live. */
export function revokeAdminToken(db: Database, id: number, now: Date): boolean {
  return db.transaction(() => {
    const { changes } = statement(db, 'UPDATE admin_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), id);
    statement(db, 'DELETE FROM sessions WHERE admin_token_id = ?').run(id);
    return changes === 1;
  })();
}
