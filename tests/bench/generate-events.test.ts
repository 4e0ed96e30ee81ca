import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyEventsToSqlite, EVENT_TABLES } from '../../bench/src/copy-to-sqlite';
import { generateEvents } from '../../bench/src/generate-events';
import { newDatabase } from '../../bench/src/postgres';
import { eventRows } from '../../server/src/storage/event-rows';
import { postgresStorage } from '../../server/src/storage/postgres/postgres-storage';
import { storeEventBatches } from '../../server/src/storage/postgres/store-event-batches';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';
import { sqliteStorage } from '../../server/src/storage/sqlite/sqlite-storage';
import { sql } from '../../server/src/storage/sql';
import type { PostgresQueries, Storage } from '../../server/src/storage/storage';
import { UsageEventSchema, type UsageEvent } from '../../shared/src/schemas/usage-event';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';

/** Every row of the events and roll-up tables, as sorted lines per table. */
async function tables(storage: Storage): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, columns] of Object.entries(EVENT_TABLES)) {
    const rows = await storage.all<Record<string, unknown>>(sql`SELECT ${sql.raw(columns.join(', '))} FROM ${sql.raw(table)}`);
    out[table] = rows.map((row) => JSON.stringify(Object.values(row).map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)))).sort();
  }
  return out;
}

/**
 * The bench's set-based generator (generateEvents) writes exactly what
 * ingest writes for the same events: the same events stored through the
 * server's PostgreSQL store path, each received as it was sent, give the
 * very same tables; and the copy into SQLite holds the same rows again.
 */
describe('the bench event generator', () => {
  let cluster: PostgresCluster;
  const folder = mkdtempSync(join(tmpdir(), 'cc-generate-events-'));
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.remove();
    rmSync(folder, { recursive: true, force: true });
  });

  it('stores what ingest would, across a new year, and SQLite gets the same rows', async () => {
    const generated = postgresStorage({ url: await newDatabase(cluster, 'generated'), poolSize: 2, statementTimeoutMs: 60_000 });
    const ingested = postgresStorage({ url: await newDatabase(cluster, 'ingested'), poolSize: 2, statementTimeoutMs: 60_000 });
    try {
      // 30,000 events of 1,000 installs over three weeks either side of a new year: story_reach's groups fill up (20 of more).
      await generateEvents(generated.pool.options.connectionString!, {
        events: 30_000,
        installs: 1_000,
        fromMs: Date.parse('2026-12-21T00:00:00Z'),
        toMs: Date.parse('2027-01-11T00:00:00Z'),
      });
      const stored = await generated.all<Record<string, string | null>>(sql`
        SELECT id, install_id AS "installId", type, department, role, surface, at, story_id AS "storyId", prompt_id AS "promptId", action_id AS "actionId"
        FROM events ORDER BY id`);
      expect(stored).toHaveLength(30_000);
      const events = stored.map((row) => UsageEventSchema.parse(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null))) as UsageEvent);
      expect(new Set(events.map((e) => e.installId)).size).toBe(1_000);
      expect(new Set(events.map((e) => e.at.slice(0, 4)))).toEqual(new Set(['2026', '2027']));

      // Ingest's store path, each event received when it was sent, in the order they were sent, many batches per transaction.
      for (let i = 0; i < events.length; i += 250) {
        const batches = events.slice(i, i + 250).map((event) => eventRows([event], 'UTC', new Date(event.at)));
        await ingested.transaction((tx) => storeEventBatches(tx as PostgresQueries, batches));
      }
      const expected = await tables(ingested);
      expect(Object.values(expected).every((rows) => rows.length > 0)).toBe(true);
      const full = await generated.one<{ groups: number }>(sql`
        SELECT COUNT(*) AS groups FROM (SELECT week, department, story_id FROM story_reach GROUP BY 1, 2, 3 HAVING COUNT(*) = 20) AS kept`);
      expect(full!.groups).toBeGreaterThan(10);
      expect(await tables(generated)).toEqual(expected);

      const path = join(folder, 'copy.db');
      await copyEventsToSqlite(generated.pool.options.connectionString!, path);
      const copy = sqliteStorage(openDatabase(path));
      try {
        expect(await tables(copy)).toEqual(expected);
      } finally {
        await copy.close();
      }
    } finally {
      await generated.close();
      await ingested.close();
    }
  }, 120_000);
});
