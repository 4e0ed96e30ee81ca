import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Removes a role and its actions. */
export function deleteRole(db: Database, id: string): void {
  statement(db, 'DELETE FROM role_actions WHERE role = ?').run(id);
  statement(db, 'DELETE FROM roles WHERE id = ?').run(id);
}
