import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { defaultConfig } from '../../../../server/src/config';
import { openStorage } from '../../../../server/src/storage/open-storage';
import { loadPostgresMigrations, migratePostgres } from '../../../../server/src/storage/postgres/migrate-postgres';
import { postgresStorage } from '../../../../server/src/storage/postgres/postgres-storage';
import { sql } from '../../../../server/src/storage/sql';
import type { Storage } from '../../../../server/src/storage/storage';
import { testEngine } from '../../../support/test-storage';

const opened: Storage[] = [];
let made = 0;

/** A new, empty database (not the migrated template) on the run's cluster. */
async function emptyDatabase(): Promise<string> {
  const url = new URL(inject('postgresUrl'));
  const name = `empty_${process.pid}_${++made}`;
  const admin = postgresStorage({ url: url.href, poolSize: 1, statementTimeoutMs: 10_000 });
  await admin.pool.query(`CREATE DATABASE "${name}"`);
  await admin.close();
  url.pathname = `/${name}`;
  return url.href;
}

afterAll(async () => {
  await Promise.all(opened.map((storage) => storage.close()));
});

describe.skipIf(testEngine() !== 'postgres')('migratePostgres', () => {
  it('migrates an empty database once when three instances start on it together', async () => {
    const url = await emptyDatabase();
    const config = defaultConfig({ databaseUrl: url, databasePoolSize: 2 });
    const instances = await Promise.all([openStorage(config), openStorage(config), openStorage(config)]);
    opened.push(...instances);
    const applied = await instances[0]!.all<{ version: number; name: string }>(sql`SELECT version, name FROM schema_migrations ORDER BY version`);
    expect(applied).toEqual(loadPostgresMigrations().map(({ version, name }) => ({ version, name })));
    // Every instance sees the whole schema.
    for (const storage of instances) expect(await storage.one(sql`SELECT timezone, revision FROM settings WHERE id = 1`)).toEqual({ timezone: null, revision: 1 });
  });

  it('applies nothing on a second start, and only what is new later', async () => {
    const url = await emptyDatabase();
    const storage = postgresStorage({ url, poolSize: 2, statementTimeoutMs: 10_000 });
    opened.push(storage);
    const all = loadPostgresMigrations();
    expect(await migratePostgres(storage.pool, all)).toEqual(all.map((m) => m.version));
    expect(await migratePostgres(storage.pool, all)).toEqual([]);
    const next = { version: 999, name: '999-test-later.sql', sql: 'CREATE TABLE later_table (id integer PRIMARY KEY);' };
    expect(await migratePostgres(storage.pool, [...all, next])).toEqual([999]);
  });

  it('leaves the database as it was when a migration fails, naming the migration', async () => {
    const url = await emptyDatabase();
    const storage = postgresStorage({ url, poolSize: 2, statementTimeoutMs: 10_000 });
    opened.push(storage);
    const broken = { version: 1, name: '001-broken.sql', sql: 'CREATE TABLE half_made (id integer); SELECT no_such_function();' };
    await expect(migratePostgres(storage.pool, [broken])).rejects.toThrow(/001-broken\.sql failed.*no_such_function/);
    expect(await storage.one(sql`SELECT to_regclass('half_made') AS "table"`)).toEqual({ table: null });
    expect(await storage.all(sql`SELECT version FROM schema_migrations`)).toEqual([]);
  });
});
