import { countContentAndEvents, type ContentAndEventCounts } from '../queries/count-content-and-events';
import type { SqliteQueries } from '../storage';
import { SqliteDatabase } from './sqlite-driver';
import { sqliteStorage } from './sqlite-storage';

/**
 * Copies the database into `file` with SQLite's online backup API — a
 * consistent snapshot even while the server writes (WAL lets it go on
 * meanwhile) — then opens the copy, checks its integrity and answers what it
 * holds. Throws, naming the problem, when the copy is not whole.
 */
export async function backupSqlite(storage: SqliteQueries, file: string): Promise<ContentAndEventCounts> {
  const db = await storage.sync((connection) => connection);
  // All pages in one step: a step interrupted by the server's writes would start over, possibly for ever under load.
  await db.backup(file, { progress: () => 0x7fffffff });
  const copy = new SqliteDatabase(file, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed its integrity check (${String(check)})`);
    return await countContentAndEvents(sqliteStorage(copy));
  } finally {
    copy.close();
  }
}
