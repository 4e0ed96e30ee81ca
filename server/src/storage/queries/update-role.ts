import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Renames a role (`name`) or only records that its actions changed (no name): either way a new revision. */
export function updateRole(db: Database, id: string, name?: string): void {
  statement(db, 'UPDATE roles SET name = COALESCE(?, name), revision = revision + 1 WHERE id = ?').run(name ?? null, id);
}
