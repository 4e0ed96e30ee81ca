import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

export function deleteDepartment(db: Database, id: string): void {
  statement(db, 'DELETE FROM departments WHERE id = ?').run(id);
}
