import type { Config } from '../config';
import { migratePostgres } from './postgres/migrate-postgres';
import { postgresStorage } from './postgres/postgres-storage';
import { openDatabase } from './sqlite/open-database';
import { sqliteStorage } from './sqlite/sqlite-storage';
import type { Storage } from './storage';

/**
 * The configured database, migrated: PostgreSQL when `DATABASE_URL` is set
 * (several instances may start at once: one migrates, the others wait for
 * it), otherwise the SQLite file at `DATABASE_PATH`.
 */
export async function openStorage(config: Pick<Config, 'databasePath' | 'databaseUrl' | 'databasePoolSize' | 'databaseStatementTimeoutMs'>): Promise<Storage> {
  if (config.databaseUrl) {
    const storage = postgresStorage({ url: config.databaseUrl, poolSize: config.databasePoolSize, statementTimeoutMs: config.databaseStatementTimeoutMs });
    try {
      await migratePostgres(storage.pool);
    } catch (error) {
      await storage.close();
      throw error;
    }
    return storage;
  }
  return sqliteStorage(openDatabase(config.databasePath));
}
