import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Every action id in use, of any role (ids are unique across roles). */
export function listActionIds(db: Database): Set<string> {
  return new Set((statement(db, 'SELECT id FROM role_actions').all() as { id: string }[]).map((r) => r.id));
}
