import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { storeEventsNow } from '../../server/src/storage/sqlite/store-events';
import { startServer } from '../../tests/support/start-server';
import { load, peakMemoryMiB, type LoadResult } from './load';
import { eventMaker } from './make-events';
import { round, summarize } from './summarize';

const BATCH = 20;

/**
 * Events/s through the real HTTP server (batches of 20, many connections),
 * against the rate of the very same inserts and roll-up updates straight
 * into better-sqlite3 in transactions of 20, on the same machine, in
 * alternating turns of the same run (the median turn of each side), so a
 * slow patch of a noisy machine moves neither figure much.
 */
export async function benchIngest({ seconds = 10, connections = 50, installs = 5000 } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-ingest-'));
  const turns = Math.max(2, Math.round(seconds / 2));
  const turn = seconds / turns;
  try {
    const maker = eventMaker(installs);
    // The limit: the same code path as the server's, without HTTP, JSON or validation.
    const db = openDatabase(join(folder, 'raw.db'));
    const rawTurn = () => {
      let events = 0;
      let busyMs = 0;
      const until = performance.now() + turn * 1000;
      while (performance.now() < until) {
        const batch = maker.batchFromOneInstall(BATCH, Date.now());
        const start = performance.now();
        storeEventsNow(db, batch, 'UTC', new Date());
        busyMs += performance.now() - start;
        events += batch.length;
      }
      return events / (busyMs / 1000);
    };

    const server = await startServer({ databasePath: join(folder, 'http.db'), env: { RATE_LIMIT_EVENTS_PER_MINUTE: '0' }, logFile: join(folder, 'server.log') });
    try {
      const raw: number[] = [];
      const http: LoadResult[] = [];
      const makeBody = () => JSON.stringify({ events: maker.batchFromOneInstall(BATCH, Date.now()) });
      for (let i = 0; i < turns; i++) {
        raw.push(rawTurn());
        // Bodies are made before the clock starts (as many as the raw rate could store, and half again), so the
        // load generator, on the same cores as the server, spends its time sending rather than making them.
        const bodies = Array.from({ length: Math.ceil((raw.at(-1)! / BATCH) * turn * 1.5) }, makeBody);
        http.push(
          await load({
            url: `${server.url}/api/v1/events`,
            method: 'POST',
            seconds: turn,
            connections,
            headers: { 'content-type': 'application/json' },
            body: () => bodies.pop() ?? makeBody(),
          }),
        );
      }
      const rawRate = summarize(raw).median;
      const httpRate = summarize(http.map((r) => r.requestsPerSecond * BATCH)).median;
      const last = http.at(-1)!;
      return {
        httpEventsPerSecond: round(httpRate),
        rawEventsPerSecond: round(rawRate),
        ratio: round(httpRate / rawRate),
        latencyMs: last.latencyMs,
        refused: http.reduce((sum, r) => sum + r.notOk, 0),
        errors: http.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
        serverPeakMemoryMiB: await peakMemoryMiB(server.process.pid!),
        turns,
        connections,
        seconds,
      };
    } finally {
      await server.stop();
      db.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
