import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, localDay, weekStart } from '../../shared/src/domain/local-day';
import { startServer } from '../../tests/support/start-server';
import { copyEventsToSqlite } from './copy-to-sqlite';
import { generateEvents } from './generate-events';
import { memoryMiB } from './load';
import { newDatabase, type PostgresCluster } from './postgres';
import { timeStats } from './stats-growth';
import { round } from './summarize';

/** Events per install: one in each of the last four whole weeks, the weeks the stats are asked about. */
const WEEKS = 4;

/**
 * The stats API at the size of the largest employers: a million installs,
 * each active once in each of the last four whole weeks (4 million events,
 * generated with generateEvents on PostgreSQL, then copied row for row into
 * a SQLite file), asked for those four weeks on each engine in turn: p50 /
 * p95 over HTTP, the server's resident memory once it has answered
 * (its peak too), and how long it took to start (it reads its roll-ups
 * before it listens).
 */
export async function benchStatsInstalls(cluster: PostgresCluster, { installs = 1_000_000, requests = 200 } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-installs-'));
  try {
    const url = await newDatabase(cluster, 'stats_installs');
    const thisWeek = weekStart(localDay(new Date(), 'UTC'));
    const generateStart = performance.now();
    await generateEvents(url, {
      events: installs * WEEKS,
      installs,
      fromMs: Date.parse(`${addDays(thisWeek, -7 * WEEKS)}T00:00:00Z`),
      toMs: Date.parse(`${thisWeek}T00:00:00Z`),
      seed: 2,
    });
    const generateSeconds = (performance.now() - generateStart) / 1000;

    const measure = async (database: { url: string } | { path: string }) => {
      const started = performance.now();
      const server = await startServer({
        databasePath: 'path' in database ? database.path : join(folder, 'unused.db'),
        env: 'url' in database ? { DATABASE_URL: database.url } : {},
        logFile: join(folder, 'server.log'),
        startTimeoutMs: 600_000,
      });
      try {
        const startSeconds = round((performance.now() - started) / 1000);
        const statsMs = await timeStats(server, requests);
        const memory = await memoryMiB(server.process.pid!);
        return { statsMs, startSeconds, rssMiB: memory.now, peakRssMiB: memory.peak };
      } finally {
        await server.stop();
      }
    };

    const postgres = await measure({ url });
    const path = join(folder, 'installs.db');
    const copyStart = performance.now();
    await copyEventsToSqlite(url, path);
    const copySeconds = (performance.now() - copyStart) / 1000;
    const sqlite = { ...(await measure({ path })), databaseMiB: Math.round(statSync(path).size / 2 ** 20) };
    await cluster.dropDatabase('stats_installs');
    return { installs, events: installs * WEEKS, postgres, sqlite, generateSeconds: round(generateSeconds), copySeconds: round(copySeconds) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
