import { describe, expect, it } from 'vitest';
import type { CountCell } from '../../../../shared/src/domain/build-stats';
import { addDays, weekStart } from '../../../../shared/src/domain/local-day';
import { STATS_REFRESH_MS, statsCaches } from '../../../../server/src/storage/caches/stats-caches';
import { insertEvents } from '../../../../server/src/storage/queries/insert-events';
import { pruneEvents } from '../../../../server/src/storage/queries/prune-events';
import { sql } from '../../../../server/src/storage/sql';
import type { Storage } from '../../../../server/src/storage/storage';
import { makeEvent, uuidv7 } from '../../../support/make-event';
import { openSameDatabase } from '../../../support/same-database';
import { openTestStorage, testEngine } from '../../../support/test-storage';

const NOW = new Date('2026-11-23T12:00:00Z');
const at = (day: string) => `${day}T09:00:00.000Z`;
const RANGES = [
  { from: '2026-11-01', to: '2026-11-30' },
  { from: '2026-11-03', to: '2026-11-09' },
  { from: '2026-12-01', to: '2026-12-31' },
];
const byCell = (a: CountCell, b: CountCell) => `${a.department}\u0000${a.role}\u0000${a.type}`.localeCompare(`${b.department}\u0000${b.role}\u0000${b.type}`);

/** The cache's sums over the days from `from` to `to`. */
const cached = (storage: Storage, range: { from: string; to: string }) => statsCaches.read(storage, (tables) => tables.dailyCounts.sum(range));

/**
 * The cache's sums against the same sums done by the database on the
 * table: for a few ranges of days, and for every week they touch as the
 * stats sum them (Monday to Sunday), against the rows the table files under
 * that week.
 */
async function expectEqualToTable(storage: Storage) {
  const summed = async (where: ReturnType<typeof sql>) =>
    (await storage.all<CountCell>(sql`SELECT department, role, type, SUM(count) AS count FROM daily_counts WHERE ${where} GROUP BY department, role, type`)).sort(byCell);
  for (const range of RANGES) {
    expect(await cached(storage, range), `${range.from}..${range.to}`).toEqual(await summed(sql`day BETWEEN ${range.from} AND ${range.to}`));
    for (let week = weekStart(range.from); week <= range.to; week = addDays(week, 7)) {
      expect(await cached(storage, { from: week, to: addDays(week, 6) }), `week ${week}`).toEqual(await summed(sql`week = ${week}`));
    }
  }
}
const total = async (storage: Storage) => (await cached(storage, { from: '2000-01-01', to: '2999-12-31' })).reduce((sum, cell) => sum + cell.count, 0);

describe('the daily counts cache', () => {
  it('stays equal to the table as batches arrive after it was read, an install changing department included', async () => {
    const storage = await openTestStorage();
    const [a, b] = [uuidv7(), uuidv7()];
    await insertEvents(storage, [makeEvent({ installId: a, at: at('2026-11-02') })], 'UTC', NOW);
    await expectEqualToTable(storage);

    await insertEvents(
      storage,
      [
        makeEvent({ installId: a, at: at('2026-11-02') }), // the same cell again
        makeEvent({ installId: a, at: at('2026-11-03'), type: 'story_viewed' }), // a new type
        makeEvent({ installId: a, at: at('2026-11-04'), department: 'sales', role: 'sales', actionId: 'sales-call' }), // moved
        makeEvent({ installId: b, at: at('2026-11-09') }), // the last day of a week
        makeEvent({ installId: b, at: at('2026-11-10') }), // the next week
      ],
      'UTC',
      NOW,
    );
    await expectEqualToTable(storage);
    expect(await total(storage)).toBe(6);
  });

  it('is read again after a batch stored inside a transaction that rolled back', async () => {
    const storage = await openTestStorage();
    await insertEvents(storage, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
    expect(await total(storage)).toBe(1);
    await expect(
      storage.transaction(async (tx) => {
        await insertEvents(tx, [makeEvent({ at: at('2026-11-03') })], 'UTC', NOW);
        throw new Error('the outer work failed');
      }),
    ).rejects.toThrow('the outer work failed');
    expect(await total(storage)).toBe(1);
    await expectEqualToTable(storage);
  });

  it(`is read again after another ${testEngine() === 'sqlite' ? 'connection' : 'instance'} changed the table`, async () => {
    const { storage, another, close } = await openSameDatabase();
    try {
      await insertEvents(storage, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
      expect(await total(storage)).toBe(1);
      const other = await another();
      await insertEvents(other, [makeEvent({ at: at('2026-11-03') }), makeEvent({ at: at('2026-11-02'), type: 'prompt_shown' })], 'UTC', NOW);
      // On PostgreSQL, within the bound (here at once: the other "instance" is this process, and noted its writes).
      expect(await total(storage)).toBe(3);
      await expectEqualToTable(storage);
    } finally {
      await close();
    }
  });

  it('keeps the counts of pruned events, as the table does', async () => {
    const storage = await openTestStorage();
    await insertEvents(storage, [makeEvent({ at: at('2026-11-02') }), makeEvent({ at: at('2026-11-20') })], 'UTC', NOW);
    expect(await total(storage)).toBe(2);
    expect(await pruneEvents(storage, new Date('2026-11-10T00:00:00Z'))).toBe(1);
    expect(await total(storage)).toBe(2);
    await expectEqualToTable(storage);
  });
});

describe.skipIf(testEngine() !== 'postgres')('the daily counts cache on PostgreSQL, with other instances writing', () => {
  /** What another instance's ingest does to one row (this process notes nothing). */
  const addElsewhere = (other: Storage, day: string, count: number) =>
    other.run(sql`
      INSERT INTO daily_counts (day, week, department, role, type, count) VALUES (${day}, ${weekStart(day)}, 'it', 'it', 'action_taken', ${count})
      ON CONFLICT (day, department, role, type) DO UPDATE SET count = daily_counts.count + excluded.count, changed = pg_current_xact_id()`);

  it(`takes what other instances committed within ${STATS_REFRESH_MS} ms, each row replacing the one held`, async () => {
    const { storage, another, close } = await openSameDatabase();
    try {
      const other = await another();
      await addElsewhere(other, '2026-11-02', 2);
      const read = performance.now();
      expect(await total(storage)).toBe(2);
      await addElsewhere(other, '2026-11-02', 3); // the same row again
      await addElsewhere(other, '2026-11-03', 1);
      // Read less than a second ago, nothing noted here: what is held may be that old…
      const soon = await total(storage);
      if (performance.now() - read < STATS_REFRESH_MS) expect(soon).toBe(2);
      // …and no older.
      await new Promise((resolve) => setTimeout(resolve, STATS_REFRESH_MS + 50));
      expect(await total(storage)).toBe(6);
      await expectEqualToTable(storage);
    } finally {
      await close();
    }
  });

  it('reads a large table whole, a few thousand rows at a time (each fetch under the statement time-out)', async () => {
    const storage = await openTestStorage();
    await storage.run(sql`
      INSERT INTO daily_counts (day, week, department, role, type, count)
      SELECT '2026-11-02', '2026-11-02', 'd' || n, 'r', 'action_taken', 1 FROM generate_series(1, 45001) AS n`);
    expect(await total(storage)).toBe(45_001);
    expect(await cached(storage, { from: '2026-11-02', to: '2026-11-02' })).toHaveLength(45_001);
  });

  it('misses no change of a transaction still running when it last read, however long that transaction took', async () => {
    const { storage, another, close } = await openSameDatabase();
    const other = (await another()) as Storage & { pool: import('pg').Pool };
    const slow = await other.pool.connect();
    try {
      await addElsewhere(other, '2026-11-02', 1);
      // A transaction that wrote a row and has not committed: its id is below what commits after it.
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO daily_counts (day, week, department, role, type, count) VALUES ('2026-11-04', '2026-11-02', 'legal', 'legal', 'story_viewed', 10)`,
      );
      await addElsewhere(other, '2026-11-03', 1); // a later transaction, committed first
      // Read now (readWith always reads the changes): the slow one is not visible yet.
      const read = () => statsCaches.readWith(storage, async () => undefined, (tables) => tables.dailyCounts.sum({ from: '2026-11-01', to: '2026-11-30' }));
      expect((await read()).reduce((sum, cell) => sum + cell.count, 0)).toBe(2);
      await slow.query('COMMIT');
      expect((await read()).reduce((sum, cell) => sum + cell.count, 0)).toBe(12);
      await expectEqualToTable(storage);
    } finally {
      slow.release();
      await close();
    }
  });
});
