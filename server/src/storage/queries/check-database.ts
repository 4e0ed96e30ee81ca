import type { Database } from 'better-sqlite3';

/** Runs a real read; throws when the database is closed or its file cannot be read. */
export function checkDatabase(db: Database): void {
  db.prepare('SELECT COUNT(*) FROM content_meta').get();
}
