import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

export type AdminToken = { id: number; label: string };

/** The live (not revoked) admin token with this hash. */
export function findAdminToken(db: Database, tokenHash: string): AdminToken | undefined {
  return statement(db, 'SELECT id, label FROM admin_tokens WHERE token_hash = ? AND revoked_at IS NULL').get(
    tokenHash,
  ) as AdminToken | undefined;
}
