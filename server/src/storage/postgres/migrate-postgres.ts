import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_NAME = /^(\d{3})-[a-z0-9-]+\.sql$/;
/** The advisory lock every instance takes to migrate: the first migrates, the others wait, then find nothing to do. */
const MIGRATION_LOCK = 7_405_162_001;

export type PostgresMigration = { version: number; name: string; sql: string };

/** PostgreSQL's numbered `.sql` files, in order (its own: SQLite's history is not replayed here). */
export function loadPostgresMigrations(dir = MIGRATIONS_DIR): PostgresMigration[] {
  return readdirSync(dir)
    .filter((name) => FILE_NAME.test(name))
    .sort()
    .map((name) => ({ version: Number(FILE_NAME.exec(name)![1]), name, sql: readFileSync(dir + name, 'utf8') }));
}

/**
 * Applies the migrations newer than those recorded in `schema_migrations`,
 * each in its own transaction, holding an advisory lock: when several
 * instances start together on an empty database, it is migrated once.
 * Answers the versions this call applied.
 */
export async function migratePostgres(pool: Pool, migrations = loadPostgresMigrations()): Promise<number[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection dropped mid-migration errors on itself: failing the migration, not the process.
  const onError = (error: Error) => (broken ??= error);
  client.on('error', onError);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((row) => row.version));
      const applied: number[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`PostgreSQL migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(migration.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
