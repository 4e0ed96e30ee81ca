import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

export function deletePrompt(db: Database, id: string): void {
  statement(db, 'DELETE FROM prompts WHERE id = ?').run(id);
}
