import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/**
 * Something read from the database once and then held in memory, one per
 * connection. Writes through this connection update it with `update` once
 * committed, so it stays equal to the tables; a commit by another
 * connection (another process, a tool) moves SQLite's `data_version`, and
 * it is read again. An update inside an outer transaction, which might
 * still roll back, drops it instead: it is read again when next needed.
 */
export function connectionCache<T>(load: (db: Database) => T) {
  const caches = new WeakMap<Database, { value: T; dataVersion: number }>();
  return {
    get(db: Database): T {
      const dataVersion = statement(db, 'PRAGMA data_version').pluck().get() as number;
      let cache = caches.get(db);
      if (!cache || cache.dataVersion !== dataVersion) {
        cache = { value: load(db), dataVersion };
        caches.set(db, cache);
      }
      return cache.value;
    },
    /** Applies a change this connection committed; nothing to do when nothing was read yet. */
    update(db: Database, change: (value: T) => void): void {
      const cache = caches.get(db);
      if (!cache) return;
      if (db.inTransaction) caches.delete(db);
      else change(cache.value);
    },
  };
}
