import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Whether the server has stored an event of this install (lower-case id) before. */
export function isKnownInstall(db: Database, installId: string): boolean {
  return statement(db, 'SELECT 1 FROM installs WHERE install_id = ?').get(installId) !== undefined;
}
