import { inject } from 'vitest';
import { postgresStorage } from '../../server/src/storage/postgres/postgres-storage';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { sqliteStorage } from '../../server/src/storage/sqlite/sqlite-storage';
import type { Storage } from '../../server/src/storage/storage';

export type TestEngine = 'sqlite' | 'postgres';

/** The engine this run's server tests use: `TEST_DATABASE=postgres` (the `server-postgres` project) or SQLite. */
export function testEngine(): TestEngine {
  return process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's URL (postgres-global-setup.ts), and the migrated database new ones are copied from. */
    postgresUrl: string;
    postgresTemplate: string;
  }
}

let made = 0;
const opened: { storage: Storage; name: string }[] = [];

/**
 * A fresh, migrated, empty database on this run's engine: a SQLite file
 * (`:memory:` unless a path is given), or a new database on the throwaway
 * PostgreSQL cluster, copied from the migrated template. `afterAll` (in
 * postgres-setup-file.ts) closes and drops them.
 */
export async function openTestStorage(options: { databasePath?: string } = {}): Promise<Storage> {
  if (testEngine() === 'sqlite') return sqliteStorage(openDatabase(options.databasePath ?? ':memory:'));
  const url = new URL(inject('postgresUrl'));
  const name = `t_${process.pid}_${++made}`;
  const admin = postgresStorage({ url: url.href, poolSize: 1, statementTimeoutMs: 60_000 });
  try {
    await admin.pool.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('postgresTemplate')}"`);
  } finally {
    await admin.close();
  }
  url.pathname = `/${name}`;
  const storage = postgresStorage({ url: url.href, poolSize: 4, statementTimeoutMs: 60_000 });
  opened.push({ storage, name });
  return storage;
}

/**
 * Another connection to the same database, as a second server instance
 * would open it: a second pool on PostgreSQL; on SQLite another connection
 * to the same file (the storage must be on a file, not `:memory:`). Closed
 * with the file's other storages.
 */
export async function openSecondStorage(storage: Storage): Promise<Storage> {
  if (storage.engine === 'sqlite') {
    const path = await storage.sync((db) => db.name);
    if (path === ':memory:') throw new Error('openSecondStorage needs a SQLite file: openTestStorage({ databasePath }) or makeTestApp({ databasePath }).');
    return sqliteStorage(openDatabase(path));
  }
  const url = (storage as Storage & { pool: { options: { connectionString: string } } }).pool.options.connectionString;
  const second = postgresStorage({ url, poolSize: 4, statementTimeoutMs: 60_000 });
  seconds.push(second);
  return second;
}
const seconds: Storage[] = [];

/** Closes every database this file opened and drops them. */
export async function dropTestStorages(): Promise<void> {
  // Second pools first: a database is dropped only once nobody holds it.
  await Promise.all(seconds.splice(0).map((storage) => storage.close().catch(() => undefined)));
  const done = opened.splice(0);
  if (!done.length) return;
  await Promise.all(done.map(({ storage }) => storage.close().catch(() => undefined)));
  const admin = postgresStorage({ url: inject('postgresUrl'), poolSize: 1, statementTimeoutMs: 60_000 });
  try {
    for (const { name } of done) await admin.pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.close();
  }
}
