import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** How many admin tokens can still sign in. */
export function countAdminTokens(db: Database): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM admin_tokens WHERE revoked_at IS NULL').get() as { n: number }).n;
}
