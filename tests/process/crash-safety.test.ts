import { SqliteDatabase as Database } from '../../server/src/storage/sqlite/sqlite-driver';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestClient, postBatch } from '../support/ingest-client';
import { startServer, type RunningServer } from '../support/start-server';

const ROUNDS = 5;
const CLIENTS = 6;
const folder = mkdtempSync(join(tmpdir(), 'cc-crash-'));
const databasePath = join(folder, 'cc.db');
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** What the file holds, read straight from SQLite (as the next server process will). */
function storedEvents(): { ids: Map<string, number>; rolledUp: number } {
  const db = new Database(databasePath);
  try {
    const ids = new Map<string, number>();
    for (const row of db.prepare('SELECT id, COUNT(*) AS n FROM events GROUP BY id').all() as { id: string; n: number }[]) ids.set(row.id, row.n);
    const rolledUp = (db.prepare('SELECT COALESCE(SUM(count), 0) AS n FROM daily_counts').get() as { n: number }).n;
    return { ids, rolledUp };
  } finally {
    db.close();
  }
}

describe('crash safety: SIGKILL during concurrent ingest', () => {
  it(`keeps every acknowledged event exactly once, and replays add nothing twice (${ROUNDS} rounds)`, async () => {
    server = await startServer({ databasePath, env: { RATE_LIMIT_EVENTS_PER_MINUTE: '0' } });
    const totals = { acknowledged: 0, unacknowledgedBatches: 0, committedUnacknowledged: 0, resentDuplicates: 0 };
    const everyId = new Set<string>();

    for (let round = 1; round <= ROUNDS; round++) {
      // Small and large batches: a large one spends longer between commit and answer.
      const clients = Array.from({ length: CLIENTS }, (_, i) => new IngestClient(i % 2 ? 25 : 200));
      // Kill after a different amount of acknowledged work each round, while every client is mid-stream.
      const killAfter = 10 + Math.floor(Math.random() * 30);
      let acks = 0;
      let killed: Promise<void> | undefined;
      const running = server;
      const load = clients.map((client) =>
        client.run(running.url, () => {
          // A random few milliseconds later, so the kill lands at a different point of the requests in flight.
          if (++acks === killAfter) killed = new Promise((resolve) => setTimeout(resolve, Math.random() * 30)).then(() => running.kill());
        }),
      );
      await Promise.all(load);
      await killed;
      expect(running.process.signalCode).toBe('SIGKILL');

      const acknowledged = clients.flatMap((c) => c.acknowledged);
      const unacknowledged = clients.flatMap((c) => c.unacknowledged);
      for (const e of acknowledged) everyId.add(e.id);
      totals.acknowledged += acknowledged.length;
      totals.unacknowledgedBatches += unacknowledged.length;

      // Straight after the crash: every acknowledged event is in the file, once, and counted once in the roll-ups.
      const afterCrash = storedEvents();
      const missing = acknowledged.filter((e) => afterCrash.ids.get(e.id) !== 1);
      expect(missing).toEqual([]);
      expect(afterCrash.rolledUp).toBe(afterCrash.ids.size);
      // Some batches may have been committed with their answer lost in the crash: the replay must recognise those.
      const committedUnacknowledged = unacknowledged.flat().filter((e) => afterCrash.ids.has(e.id)).length;
      totals.committedUnacknowledged += committedUnacknowledged;

      // Restart on the same file; each client re-sends what was not acknowledged, and one acknowledged batch too.
      server = await startServer({ databasePath, port: running.port, adminToken: running.adminToken, env: { RATE_LIMIT_EVENTS_PER_MINUTE: '0' } });
      for (const client of clients) {
        const replays = [...client.unacknowledged, client.acknowledged.slice(0, 25)].filter((b) => b.length);
        for (const batch of replays) {
          const response = await postBatch(server.url, batch);
          expect(response.status).toBe(200);
          for (const e of batch) everyId.add(e.id);
        }
      }
      // Re-sending everything once more is all duplicates.
      for (const client of clients) {
        for (const batch of client.unacknowledged) {
          const response = await fetch(`${server.url}/api/v1/events`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ events: batch }),
          });
          const result = (await response.json()) as { accepted: number; duplicates: number };
          expect(result).toEqual({ accepted: 0, duplicates: batch.length });
          totals.resentDuplicates += result.duplicates;
        }
      }
      const afterReplay = storedEvents();
      expect(afterReplay.ids.size).toBe(everyId.size);
      expect([...afterReplay.ids.values()].every((n) => n === 1)).toBe(true);
      expect(afterReplay.rolledUp).toBe(everyId.size);

      console.log(
        `crash-safety round ${round}: killed after ${acks} acknowledged batches; ${acknowledged.length} acknowledged events all stored once; ` +
          `${unacknowledged.length} unacknowledged batches (${committedUnacknowledged} of their events already committed) re-sent; ${afterReplay.ids.size} events stored in all`,
      );
    }
    console.log(
      `crash-safety: ${ROUNDS} rounds, ${CLIENTS} clients, ${totals.acknowledged} acknowledged events kept exactly once, ` +
        `${totals.unacknowledgedBatches} unacknowledged batches re-sent without duplicates (${totals.committedUnacknowledged} of their events had been committed before the kill; ${totals.resentDuplicates} replays recognised), ${everyId.size} events stored`,
    );
    expect(totals.acknowledged).toBeGreaterThanOrEqual(ROUNDS * 10 * 25);
  });
});
