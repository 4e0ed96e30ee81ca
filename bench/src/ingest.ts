import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/src/db/open-database';
import { insertEvents } from '../../server/src/queries/insert-events';
import { startServer } from '../../tests/support/start-server';
import { load, peakMemoryMiB } from './load';
import { eventMaker } from './make-events';
import { round } from './summarize';

const BATCH = 20;

/**
 * Events/s through the real HTTP server (batches of 20, many connections),
 * against the rate of the very same inserts and roll-up updates straight
 * into better-sqlite3 in transactions of 20, on the same machine, same run.
 */
export async function benchIngest({ seconds = 10, connections = 50, installs = 5000 } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-ingest-'));
  try {
    const maker = eventMaker(installs);

    // The limit: the same code path as the server's, without HTTP, JSON or validation.
    const db = openDatabase(join(folder, 'raw.db'));
    let events = 0;
    let busyMs = 0;
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) {
      const batch = maker.batchFromOneInstall(BATCH, Date.now());
      const start = performance.now();
      insertEvents(db, batch, 'UTC', new Date());
      busyMs += performance.now() - start;
      events += batch.length;
    }
    db.close();
    const raw = events / (busyMs / 1000);

    // Bodies are made before the clock starts (as many as the raw rate could store, and half again), so
    // the load generator, on the same cores as the server, spends its time sending rather than making them.
    const makeBody = () => JSON.stringify({ events: maker.batchFromOneInstall(BATCH, Date.now()) });
    const bodies = Array.from({ length: Math.ceil((raw / BATCH) * seconds * 1.5) }, makeBody);

    const server = await startServer({ databasePath: join(folder, 'http.db'), env: { RATE_LIMIT_EVENTS_PER_MINUTE: '0' }, logFile: join(folder, 'server.log') });
    try {
      const result = await load({
        url: `${server.url}/api/v1/events`,
        method: 'POST',
        seconds,
        connections,
        headers: { 'content-type': 'application/json' },
        body: () => bodies.pop() ?? makeBody(),
      });
      const http = result.requestsPerSecond * BATCH;
      return {
        httpEventsPerSecond: round(http),
        rawEventsPerSecond: round(raw),
        ratio: round(http / raw),
        latencyMs: result.latencyMs,
        refused: result.notOk,
        errors: result.errors + result.timeouts,
        serverPeakMemoryMiB: await peakMemoryMiB(server.process.pid!),
        connections,
        seconds,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
