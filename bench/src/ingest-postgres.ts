import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { postgresEventWriter } from '../../server/src/storage/postgres/postgres-event-writer';
import { postgresStorage } from '../../server/src/storage/postgres/postgres-storage';
import { startServer } from '../../tests/support/start-server';
import { load, peakMemoryMiB, type LoadResult } from './load';
import { eventMaker } from './make-events';
import { newDatabase, type PostgresCluster } from './postgres';
import { round, summarize } from './summarize';

const BATCH = 20;
/** The server's DATABASE_POOL_SIZE by default. */
const POOL_SIZE = 10;
/** A first guess at the rate, for the batches made before the first turn. */
const GUESS_PER_SECOND = 10_000;

/**
 * Events/s through the real HTTP server on PostgreSQL (DATABASE_URL; batches
 * of 20, many connections), against the rate of the very same inserts and
 * roll-ups sent straight to PostgreSQL: PostgreSQL's event writer (the one
 * the server uses: group commit, one transaction per flush of up to 64
 * batches, storeEventBatches) called in this process with as many batches
 * in flight as the load generator has connections, no HTTP, no JSON, no
 * validation. Each side writes to a database of its own on the same
 * cluster, in alternating turns of the same run; the median turn of each.
 */
export async function benchIngestPostgres(cluster: PostgresCluster, { seconds = 10, connections = 50, installs = 5000 } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-ingest-pg-'));
  const turns = Math.max(2, Math.round(seconds / 2));
  const turn = seconds / turns;
  const maker = eventMaker(installs);
  // Batches are made before the clock starts, for both sides (as many as the last rate could store, and half again).
  const makeBatches = (perSecond: number) => Array.from({ length: Math.ceil((perSecond / BATCH) * turn * 1.5) }, () => maker.batchFromOneInstall(BATCH, Date.now()));

  const raw = postgresStorage({ url: await newDatabase(cluster, 'ingest_raw'), poolSize: POOL_SIZE, statementTimeoutMs: 30_000 });
  const writer = postgresEventWriter(raw);
  const rawTurn = async (batches: UsageEvent[][]) => {
    let events = 0;
    const started = performance.now();
    const until = started + turn * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const batch = batches.pop() ?? maker.batchFromOneInstall(BATCH, Date.now());
          await writer.store(batch, 'UTC', new Date());
          events += batch.length;
        }
      }),
    );
    return events / ((performance.now() - started) / 1000);
  };

  const httpUrl = await newDatabase(cluster, 'ingest_http');
  const server = await startServer({
    databasePath: join(folder, 'unused.db'),
    env: { DATABASE_URL: httpUrl, RATE_LIMIT_EVENTS_PER_MINUTE: '0' },
    logFile: join(folder, 'server.log'),
  });
  try {
    const rawRates: number[] = [];
    const http: LoadResult[] = [];
    for (let i = 0; i < turns; i++) {
      rawRates.push(await rawTurn(makeBatches(rawRates.at(-1) ?? GUESS_PER_SECOND)));
      const bodies = makeBatches(rawRates.at(-1)!).map((events) => JSON.stringify({ events }));
      http.push(
        await load({
          url: `${server.url}/api/v1/events`,
          method: 'POST',
          seconds: turn,
          connections,
          headers: { 'content-type': 'application/json' },
          body: () => bodies.pop() ?? JSON.stringify({ events: maker.batchFromOneInstall(BATCH, Date.now()) }),
        }),
      );
    }
    const rawRate = summarize(rawRates).median;
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
    await raw.close();
    await cluster.dropDatabase('ingest_raw');
    await cluster.dropDatabase('ingest_http');
    rmSync(folder, { recursive: true, force: true });
  }
}
