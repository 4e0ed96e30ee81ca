import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../../server/src/storage/postgres/migrate-postgres';
import { postgresStorage } from '../../server/src/storage/postgres/postgres-storage';
import { startPostgresCluster } from './postgres-cluster';

const TEMPLATE = 'customer_chair_template';

/**
 * Once per run of a PostgreSQL project: a throwaway cluster of Debian's
 * postgresql, and a migrated database every test's is copied from
 * (`openTestStorage`). Removed when the run ends.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  const templateUrl = await cluster.createDatabase(TEMPLATE);
  const storage = postgresStorage({ url: templateUrl, poolSize: 1, statementTimeoutMs: 60_000 });
  try {
    await migratePostgres(storage.pool);
  } finally {
    await storage.close();
  }
  project.provide('postgresUrl', cluster.url);
  project.provide('postgresTemplate', TEMPLATE);
  return () => cluster.remove();
}
