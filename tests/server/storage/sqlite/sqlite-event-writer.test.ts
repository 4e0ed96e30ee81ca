import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedDailyCounts } from '../../../../server/src/storage/caches/daily-counts-cache';
import { openDatabase } from '../../../../server/src/storage/sqlite/open-database';
import { sqliteEventWriter } from '../../../../server/src/storage/sqlite/sqlite-event-writer';
import { sqliteStorage } from '../../../../server/src/storage/sqlite/sqlite-storage';
import type { UsageEvent } from '../../../../shared/src/schemas/usage-event';
import { makeEvent, uuidv7 } from '../../../support/make-event';

const NOW = new Date('2026-11-23T12:00:00Z');
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A database file, and a second connection to it: its `data_version` moves once per commit the first makes. */
function twoConnections() {
  const folder = mkdtempSync(join(tmpdir(), 'cc-writer-'));
  folders.push(folder);
  const db = openDatabase(join(folder, 'cc.db'));
  const observer = openDatabase(join(folder, 'cc.db'));
  const commits = () => observer.pragma('data_version', { simple: true }) as number;
  const stored = () => (observer.prepare('SELECT COUNT(*) FROM events').pluck().get() as number);
  return { db, commits, stored };
}

const batch = (size: number) => {
  const installId = uuidv7();
  return Array.from({ length: size }, () => makeEvent({ installId, at: '2026-11-23T09:00:00.000Z' }));
};

describe('sqliteEventWriter', () => {
  it('commits the batches that arrive together once, and settles each with its own result', async () => {
    const { db, commits, stored } = twoConnections();
    const writer = sqliteEventWriter(sqliteStorage(db));
    const before = commits();
    const first = batch(20);
    const results = await Promise.all([writer.store(first, 'UTC', NOW), writer.store(batch(5), 'UTC', NOW), writer.store([...first.slice(0, 3), ...batch(2)], 'UTC', NOW)]);
    expect(results).toEqual([
      { accepted: 20, duplicates: 0 },
      { accepted: 5, duplicates: 0 },
      // Sent again while the first was still on its way: already stored by then, in the same transaction.
      { accepted: 2, duplicates: 3 },
    ]);
    expect(commits() - before).toBe(1);
    expect(stored()).toBe(27);

    // A batch alone is committed on its own, one turn of the event loop later.
    await writer.store(batch(1), 'UTC', NOW);
    expect(commits() - before).toBe(2);
    expect(stored()).toBe(28);
  });

  it('rolls back a failing batch alone: the others in its commit are stored, and it stores nothing', async () => {
    const { db, stored } = twoConnections();
    const writer = sqliteEventWriter(sqliteStorage(db));
    const broken = [...batch(3), { ...makeEvent(), id: 42 } as unknown as UsageEvent];
    const settled = await Promise.allSettled([writer.store(batch(4), 'UTC', NOW), writer.store(broken, 'UTC', NOW), writer.store(batch(6), 'UTC', NOW)]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(stored()).toBe(10);
  });

  it('fails the batches it cannot write while another connection holds the write lock, stores none, and goes on after', async () => {
    const { db, stored } = twoConnections();
    const writer = sqliteEventWriter(sqliteStorage(db));
    // A write lock held by another connection (busy_timeout shortened for the test).
    db.pragma('busy_timeout = 50');
    const folder = folders.at(-1)!;
    const locker = openDatabase(join(folder, 'cc.db'));
    locker.prepare('BEGIN IMMEDIATE').run();
    try {
      const settled = await Promise.allSettled([writer.store(batch(2), 'UTC', NOW), writer.store(batch(3), 'UTC', NOW)]);
      expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    } finally {
      locker.prepare('ROLLBACK').run();
    }
    expect(stored()).toBe(0);
    // And the writer goes on once the database is free.
    expect(await writer.store(batch(2), 'UTC', NOW)).toEqual({ accepted: 2, duplicates: 0 });
    expect(stored()).toBe(2);
  });

  it('keeps the in-memory roll-ups equal to the tables', async () => {
    const { db } = twoConnections();
    const writer = sqliteEventWriter(sqliteStorage(db));
    const cells = () => db.prepare('SELECT department, role, type, SUM(count) AS count FROM daily_counts GROUP BY department, role, type').all();
    const range = { from: '2026-11-01', to: '2026-11-30' };
    expect(cachedDailyCounts(db).sum(range)).toEqual([]);
    const broken = [...batch(2), { ...makeEvent(), id: 42 } as unknown as UsageEvent];
    await Promise.allSettled([writer.store(batch(3), 'UTC', NOW), writer.store(broken, 'UTC', NOW), writer.store(batch(4), 'UTC', NOW)]);
    expect(cachedDailyCounts(db).sum(range)).toEqual(cells());
    expect(cachedDailyCounts(db).sum(range).reduce((sum, cell) => sum + cell.count, 0)).toBe(7);
  });

  it('waits for a transaction open on the storage, and stores what arrived meanwhile in one commit after it', async () => {
    const { db, commits, stored } = twoConnections();
    const storage = sqliteStorage(db);
    const writer = sqliteEventWriter(storage);
    let release!: () => void;
    const open = storage.transaction(() => new Promise<void>((resolve) => (release = resolve)));
    const before = commits();
    const first = writer.store(batch(2), 'UTC', NOW);
    await new Promise((resolve) => setImmediate(resolve));
    const second = writer.store(batch(3), 'UTC', NOW);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stored()).toBe(0);
    release();
    await open;
    expect(await Promise.all([first, second])).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 3, duplicates: 0 },
    ]);
    // One commit for both batches (the open transaction wrote nothing).
    expect(commits() - before).toBe(1);
    expect(stored()).toBe(5);
  });
});
