import { migratePostgres } from '../../server/src/storage/postgres/migrate-postgres';
import { postgresStorage } from '../../server/src/storage/postgres/postgres-storage';
import { startPostgresCluster, type PostgresCluster } from '../../tests/support/postgres-cluster';

export type { PostgresCluster };

/**
 * The PostgreSQL the benchmarks run against: a throwaway cluster of this
 * machine's own PostgreSQL (Debian's `postgresql`, started with initdb and
 * pg_ctl in a temporary folder, tests/support/postgres-cluster). Durability
 * is off there (fsync, synchronous_commit, full_page_writes), for the HTTP
 * side and its limit alike: a commit costs no disk flush.
 */
export const startBenchCluster = startPostgresCluster;

/** A new, empty database on the cluster, migrated by the server's own code; its URL. */
export async function newDatabase(cluster: PostgresCluster, name: string): Promise<string> {
  const url = await cluster.createDatabase(name);
  const storage = postgresStorage({ url, poolSize: 1, statementTimeoutMs: 600_000 });
  try {
    await migratePostgres(storage.pool);
  } finally {
    await storage.close();
  }
  return url;
}
