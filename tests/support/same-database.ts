import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from '../../server/src/storage/storage';
import { openSecondStorage, openTestStorage, testEngine } from './test-storage';

/**
 * A fresh database of this run's engine, and more storages on the same
 * database (openSecondStorage): on SQLite other connections to the same
 * file (as another process would open it), on PostgreSQL other pools (as
 * another instance would). Each has its own in-memory caches. `close`
 * closes them all (on PostgreSQL the database itself is dropped with the
 * test file's others, postgres-setup-file.ts).
 */
export async function openSameDatabase(): Promise<{ storage: Storage; another: () => Promise<Storage>; close: () => Promise<void> }> {
  const folder = testEngine() === 'sqlite' ? mkdtempSync(join(tmpdir(), 'cc-same-database-')) : undefined;
  const storage = await openTestStorage({ databasePath: folder && join(folder, 'cc.db') });
  const opened: Storage[] = [];
  return {
    storage,
    another: async () => {
      const other = await openSecondStorage(storage);
      opened.push(other);
      return other;
    },
    close: async () => {
      for (const other of opened) await other.close().catch(() => undefined);
      if (folder) {
        await storage.close();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
