import type { AdminTokenInfo } from '@customer-chair/shared/schemas/admin-token';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Every admin token ever made (live and revoked), oldest first; never the hashes. */
export function listAdminTokens(db: Database): AdminTokenInfo[] {
  return statement(db, 'SELECT id, label, created_at AS createdAt, revoked_at AS revokedAt FROM admin_tokens ORDER BY id').all() as AdminTokenInfo[];
}
