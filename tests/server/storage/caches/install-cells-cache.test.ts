import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../../../shared/src/domain/install-activity';
import { actionCell, surfaceCell } from '../../../../server/src/storage/caches/install-cells-cache';
import { statsCaches } from '../../../../server/src/storage/caches/stats-caches';
import { pruneEvents } from '../../../../server/src/storage/queries/prune-events';
import { loadMigrations, migrate } from '../../../../server/src/storage/sqlite/migrate';
import { sql } from '../../../../server/src/storage/sql';
import type { SqliteQueries, Storage } from '../../../../server/src/storage/storage';
import { makeEvent, uuidv7 } from '../../../support/make-event';
import { insertEventsOnTime } from '../../../support/on-time';
import { openSameDatabase } from '../../../support/same-database';
import { openTestStorage, testEngine } from '../../../support/test-storage';

const NOW = new Date('2026-11-23T12:00:00Z');
const at = (day: string) => `${day}T09:00:00.000Z`;
type Cell = { installId: string; department: string; cell: string; year: number; days: number[] };
const byKey = (a: Cell, b: Cell) => `${a.installId}${a.department}${a.cell}${a.year}`.localeCompare(`${b.installId}${b.department}${b.cell}${b.year}`);

/** What the table holds, in the cache's shape, for comparison. */
const fromTable = async (storage: Storage): Promise<Cell[]> =>
  (await storage.all<Omit<Cell, 'days'> & { days: Uint8Array }>(sql`SELECT year, install_id AS "installId", department, cell, days FROM install_cells`))
    .map((r) => ({ ...r, days: [...r.days] }))
    .sort(byKey);
const fromCache = (storage: Storage): Promise<Cell[]> =>
  statsCaches.read(storage, (tables) =>
    tables.installCells
      .rows()
      .map(({ role, ...r }: ActivityRow) => ({ ...r, cell: role, days: [...r.days] }))
      .sort(byKey),
  );
const actionCounts = (storage: Storage) =>
  storage.all(sql`SELECT day, department, role, action_id AS "actionId", count FROM daily_action_counts ORDER BY 1, 2, 3, 4`);

/** A few batches touching every kind of cell: surfaces, actions under roles, a move, a year's end. */
async function ingestVariety(storage: Storage) {
  const [a, b] = [uuidv7(), uuidv7()];
  await insertEventsOnTime(storage, [makeEvent({ installId: a, at: at('2026-11-02'), actionId: 'engineering-read-tickets' })], 'UTC', NOW);
  await insertEventsOnTime(
    storage,
    [
      makeEvent({ installId: a, at: at('2026-11-02'), actionId: 'engineering-read-tickets' }), // the same cells again
      makeEvent({ installId: a, at: at('2026-11-03'), type: 'story_viewed', surface: 'popup' }), // a new surface
      makeEvent({ installId: a, at: at('2026-11-04'), type: 'prompt_inserted', surface: 'meet' }),
      makeEvent({ installId: a, at: at('2026-11-04'), department: 'sales', role: 'sales', actionId: 'sales-call' }), // moved
      makeEvent({ installId: b, at: at('2026-11-05'), role: 'support', actionId: 'engineering-read-tickets' }), // same action, another role
      makeEvent({ installId: b, at: at('2025-12-31'), surface: 'zoom', type: 'story_inserted' }), // another year
    ],
    'UTC',
    NOW,
  );
  return { a, b };
}

describe('the install cells cache', () => {
  it('stays equal to the table as batches arrive after it was read: a row per install, department and surface or role and action', async () => {
    const storage = await openTestStorage();
    expect(await fromCache(storage)).toEqual([]);
    const { a, b } = await ingestVariety(storage);
    const table = await fromTable(storage);
    expect(await fromCache(storage)).toEqual(table);
    const cellsOf = (install: string) => [...new Set(table.filter((r) => r.installId === install).map((r) => `${r.department} ${r.cell}`))].sort();
    expect(cellsOf(a)).toEqual([
      `engineering ${actionCell('engineering', 'engineering-read-tickets')}`,
      `engineering ${surfaceCell('meet')}`,
      `engineering ${surfaceCell('newtab')}`,
      `engineering ${surfaceCell('popup')}`,
      `sales ${actionCell('sales', 'sales-call')}`,
      `sales ${surfaceCell('newtab')}`,
    ]);
    expect(cellsOf(b)).toEqual([`engineering ${actionCell('support', 'engineering-read-tickets')}`, `engineering ${surfaceCell('newtab')}`, `engineering ${surfaceCell('zoom')}`]);
    expect(await actionCounts(storage)).toEqual([
      { day: '2026-11-02', department: 'engineering', role: 'engineering', actionId: 'engineering-read-tickets', count: 2 },
      { day: '2026-11-04', department: 'sales', role: 'sales', actionId: 'sales-call', count: 1 },
      { day: '2026-11-05', department: 'engineering', role: 'support', actionId: 'engineering-read-tickets', count: 1 },
    ]);
  });

  it('is read again after a batch stored inside a transaction that rolled back', async () => {
    const storage = await openTestStorage();
    await insertEventsOnTime(storage, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
    expect(await fromCache(storage)).toHaveLength(2); // its surface and its action
    await expect(
      storage.transaction(async (tx) => {
        await insertEventsOnTime(tx, [makeEvent({ at: at('2026-11-03') })], 'UTC', NOW);
        throw new Error('the outer work failed');
      }),
    ).rejects.toThrow('the outer work failed');
    expect(await fromCache(storage)).toHaveLength(2);
    expect(await fromCache(storage)).toEqual(await fromTable(storage));
  });

  it(`is read again after another ${testEngine() === 'sqlite' ? 'connection' : 'instance'} changed the table`, async () => {
    const { storage, another, close } = await openSameDatabase();
    try {
      await insertEventsOnTime(storage, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
      expect(await fromCache(storage)).toHaveLength(2);
      const other = await another();
      await insertEventsOnTime(other, [makeEvent({ at: at('2026-11-03'), type: 'story_viewed' })], 'UTC', NOW);
      expect(await fromCache(storage)).toHaveLength(3);
      expect(await fromCache(storage)).toEqual(await fromTable(storage));
    } finally {
      await close();
    }
  });

  it('keeps the cells of pruned events, as the table does', async () => {
    const storage = await openTestStorage();
    await insertEventsOnTime(storage, [makeEvent({ at: at('2026-11-02') }), makeEvent({ at: at('2026-11-20') })], 'UTC', NOW);
    expect(await pruneEvents(storage, new Date('2026-11-10T00:00:00Z'))).toBe(1);
    expect(await fromCache(storage)).toHaveLength(4);
    expect(await fromCache(storage)).toEqual(await fromTable(storage));
  });
});

// SQLite's migration history: PostgreSQL's schema starts with these tables.
describe.skipIf(testEngine() === 'postgres')('migration 006: install cells and action counts', () => {
  const sqliteOnly = async () => {
    const storage = (await openTestStorage()) as Storage & SqliteQueries;
    return { storage, db: await storage.sync((db: Database) => db) };
  };

  it('backfills from the raw events exactly what ingest would have written', async () => {
    const { storage, db } = await sqliteOnly();
    await ingestVariety(storage);
    const cells = await fromTable(storage);
    const counts = await actionCounts(storage);
    expect(cells.length).toBeGreaterThan(5);

    // Back to a database from before 006, its events kept; migrating again rebuilds both tables from them.
    db.exec('DROP TABLE install_cells; DROP TABLE daily_action_counts; PRAGMA user_version = 5');
    expect(migrate(db, loadMigrations().filter((m) => m.version === 6))).toEqual([6]);
    expect(await fromTable(storage)).toEqual(cells);
    expect(await actionCounts(storage)).toEqual(counts);
    expect(await fromCache(storage)).toEqual(cells);
  });

  it('backfills nothing for events already pruned: those weeks have no cells', async () => {
    const { storage, db } = await sqliteOnly();
    await insertEventsOnTime(storage, [makeEvent({ at: at('2026-11-02') }), makeEvent({ at: at('2026-11-20'), surface: 'meet' })], 'UTC', NOW);
    await pruneEvents(storage, new Date('2026-11-10T00:00:00Z'));
    db.exec('DROP TABLE install_cells; DROP TABLE daily_action_counts; PRAGMA user_version = 5');
    migrate(db, loadMigrations().filter((m) => m.version === 6));
    expect((await fromTable(storage)).map((r) => r.cell).sort()).toEqual([actionCell('engineering', 'engineering-read-tickets'), surfaceCell('meet')].sort());
    expect(await actionCounts(storage)).toEqual([{ day: '2026-11-20', department: 'engineering', role: 'engineering', actionId: 'engineering-read-tickets', count: 1 }]);
  });
});
