import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Signs a session out; also drops sessions that have expired. */
export function deleteSession(db: Database, idHash: string, now: Date): void {
  statement(db, 'DELETE FROM sessions WHERE id_hash = ? OR expires_at <= ?').run(idHash, now.toISOString());
}
