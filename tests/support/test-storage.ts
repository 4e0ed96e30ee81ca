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

/** Closes every database this file opened and drops them. */
export async function dropTestStorages(): Promise<void> {
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
