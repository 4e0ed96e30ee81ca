import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/src/app';
import type { Config } from '../../server/src/config';
import { makeTestApp } from './test-app';
import { openSecondStorage, testEngine } from './test-storage';

/**
 * `count` instances of the app on one database of this run's engine, each
 * with a storage (a pool, a connection) of its own, as separate server
 * processes would have: what one instance writes the others can only learn
 * from the database. On SQLite the database is a file in a temporary folder
 * (connections cannot share `:memory:`). They share the pinned clock.
 * `close()` closes the instances' SQLite connections and removes the folder.
 */
export async function makeTestInstances(count: number, options: { config?: Partial<Config>; now?: string } = {}) {
  const folder = testEngine() === 'sqlite' ? mkdtempSync(join(tmpdir(), 'cc-instances-')) : undefined;
  const first = await makeTestApp({ ...options, databasePath: folder && join(folder, 'shared.db') });
  const instances = [first.app];
  const storages = [first.storage];
  for (let i = 1; i < count; i++) {
    const storage = await openSecondStorage(first.storage);
    instances.push(createApp({ storage, clock: first.clock, config: first.config }));
    storages.push(storage);
  }
  return {
    ...first,
    instances,
    storages,
    async close() {
      if (!folder) return;
      for (const storage of storages) await storage.close().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
