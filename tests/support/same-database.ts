import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresStorage } from '../../server/src/storage/postgres/postgres-storage';
import type { Storage } from '../../server/src/storage/storage';
import { openTestStorage, testEngine } from './test-storage';

/**
 * A fresh database of this run's engine, and more storages on the same
 * database: on SQLite other connections to the same file (as another
 * process would open it), on PostgreSQL other pools (as another instance
 * would). Each has its own in-memory caches. `close` closes them all.
 */
export async function openSameDatabase(): Promise<{ storage: Storage; another: () => Promise<Storage>; close: () => Promise<void> }> {
  const opened: Storage[] = [];
  if (testEngine() === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'cc-same-database-'));
    const open = async () => {
      const storage = await openTestStorage({ databasePath: join(folder, 'cc.db') });
      opened.push(storage);
      return storage;
    };
    return {
      storage: await open(),
      another: open,
      close: async () => {
        for (const storage of opened) await storage.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  // The first is dropped with the test file's other databases (postgres-setup-file.ts).
  const storage = await openTestStorage();
  const url = (storage as Storage & { pool: { options: { connectionString: string } } }).pool.options.connectionString;
  return {
    storage,
    another: async () => {
      const other = postgresStorage({ url, poolSize: 2, statementTimeoutMs: 60_000 });
      opened.push(other);
      return other;
    },
    close: async () => {
      for (const other of opened) await other.close();
    },
  };
}
