import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, localDay, weekStart } from '../../shared/src/domain/local-day';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { storeEventsNow } from '../../server/src/storage/sqlite/store-events';
import { buildDashboard } from '../../tests/support/build-dashboard';
import { startServer, type RunningServer } from '../../tests/support/start-server';
import { benchDashboardLoad } from './dashboard-load';
import { eventMaker } from './make-events';
import { round, summarize } from './summarize';

const DAY_MS = 86_400_000;
/** Events are spread over this many days before now (inside the server's 90-day retention). */
const SPAN_DAYS = 85;
const BATCH = 500;

export async function timeStats(server: RunningServer, requests: number) {
  // The last four whole weeks, all finished: the stats leave out the week under way (statsWeeks).
  const thisWeek = weekStart(localDay(new Date(), 'UTC'));
  const url = `${server.url}/api/v1/stats?from=${addDays(thisWeek, -28)}&to=${addDays(thisWeek, -1)}`;
  const headers = { Authorization: `Bearer ${server.adminToken}` };
  const once = async () => {
    const start = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`stats answered ${response.status}`);
    return performance.now() - start;
  };
  // The first answer after the server started counts what it has not counted yet; the rest are measured after ten of them.
  const first = await once();
  for (let i = 1; i < 10; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) samples.push(await once());
  const s = summarize(samples);
  return { p50: round(s.median), p95: round(s.p95), max: round(s.max), requests, first: round(first) };
}

/**
 * Stats API latency for the last four whole weeks as the stored events grow (100k,
 * 1M, 10M by default). Events are generated straight into the database
 * through the ingest code path (`storeEventsNow`, in transactions of 500),
 * spread over the last 85 days; the real server is then started on the
 * file and asked over HTTP. The dashboard's load is measured at the largest size.
 */
export async function benchStatsGrowth({ sizes = [100_000, 1_000_000, 10_000_000], installs = 20_000, requests = 200, dashboardLoads = 10 } = {}) {
  if (dashboardLoads > 0) buildDashboard();
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-stats-'));
  const databasePath = join(folder, 'cc.db');
  const maker = eventMaker(installs, 7);
  const results: { events: number; statsMs: Awaited<ReturnType<typeof timeStats>>; databaseMiB: number; generatedPerSecond: number }[] = [];
  let dashboard: Awaited<ReturnType<typeof benchDashboardLoad>> | undefined;
  try {
    let stored = 0;
    for (const size of sizes) {
      const db = openDatabase(databasePath);
      const start = performance.now();
      const end = Date.now() - 60_000;
      const from = end - SPAN_DAYS * DAY_MS;
      // Each size covers the same span: later events interleave in time with earlier ones.
      const step = (end - from) / (size - stored);
      let at = from;
      while (stored < size) {
        const n = Math.min(BATCH, size - stored);
        // Received as they were sent (an event from a finished week would otherwise count today).
        storeEventsNow(db, maker.batchSpread(n, at, step), 'UTC', new Date(at + n * step));
        at += n * step;
        stored += n;
      }
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const generateSeconds = (performance.now() - start) / 1000;

      const server = await startServer({ databasePath });
      try {
        results.push({
          events: size,
          statsMs: await timeStats(server, requests),
          databaseMiB: Math.round(statSync(databasePath).size / 2 ** 20),
          generatedPerSecond: round((size - (results.at(-1)?.events ?? 0)) / generateSeconds),
        });
        if (size === sizes[sizes.length - 1] && dashboardLoads > 0) dashboard = await benchDashboardLoad(server, dashboardLoads);
      } finally {
        await server.stop();
      }
    }
    const first = results[0]!;
    const last = results[results.length - 1]!;
    return { sizes: results, growth: round(last.statsMs.p95 / first.statsMs.p95), installs, dashboard };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
