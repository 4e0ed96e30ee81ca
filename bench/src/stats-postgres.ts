import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { postgresStorage } from '../../server/src/storage/postgres/postgres-storage';
import { startServer } from '../../tests/support/start-server';
import { generateEvents } from './generate-events';
import { memoryMiB } from './load';
import { newDatabase, type PostgresCluster } from './postgres';
import { timeStats } from './stats-growth';
import { round } from './summarize';

const DAY_MS = 86_400_000;
/** As stats-growth: the events spread over this many days before now. */
const SPAN_DAYS = 85;

/**
 * The stats API on PostgreSQL as the stored events grow (100k, 1M and 10M
 * by default, 20,000 installs, spread over the last 85 days, as
 * stats-growth on SQLite), the last four whole weeks asked for over HTTP
 * of the real server with DATABASE_URL. Each size is generated afresh into
 * a database of its own with generateEvents (set-based SQL writing exactly
 * what ingest would: the ingest path itself stores about 7,000 events/s
 * here in big transactions, 10M would take 25 minutes).
 */
export async function benchStatsPostgres(cluster: PostgresCluster, { sizes = [100_000, 1_000_000, 10_000_000], installs = 20_000, requests = 200 } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-stats-pg-'));
  const results: {
    events: number;
    statsMs: Awaited<ReturnType<typeof timeStats>>;
    databaseMiB: number;
    generatedPerSecond: number;
    startSeconds: number;
    rssMiB: number | undefined;
  }[] = [];
  try {
    for (const size of sizes) {
      const name = `stats_${size}`;
      const url = await newDatabase(cluster, name);
      const end = Date.now() - 60_000;
      const start = performance.now();
      await generateEvents(url, { events: size, installs, fromMs: end - SPAN_DAYS * DAY_MS, toMs: end, seed: 7 });
      const generatedPerSecond = round(size / ((performance.now() - start) / 1000));
      const databaseMiB = await databaseSizeMiB(url);

      const starting = performance.now();
      const server = await startServer({ databasePath: join(folder, 'unused.db'), env: { DATABASE_URL: url }, logFile: join(folder, 'server.log'), startTimeoutMs: 600_000 });
      try {
        const startSeconds = round((performance.now() - starting) / 1000);
        const statsMs = await timeStats(server, requests);
        results.push({ events: size, statsMs, databaseMiB, generatedPerSecond, startSeconds, rssMiB: (await memoryMiB(server.process.pid!)).now });
      } finally {
        await server.stop();
      }
      await cluster.dropDatabase(name);
    }
    const first = results[0]!;
    const last = results[results.length - 1]!;
    return { sizes: results, growth: round(last.statsMs.p95 / first.statsMs.p95), installs };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function databaseSizeMiB(url: string): Promise<number> {
  const storage = postgresStorage({ url, poolSize: 1, statementTimeoutMs: 60_000 });
  try {
    const { rows } = await storage.pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    return Math.round(Number(rows[0]!.bytes) / 2 ** 20);
  } finally {
    await storage.close();
  }
}
