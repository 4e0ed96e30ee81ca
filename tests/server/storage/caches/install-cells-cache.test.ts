import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionCell, cachedInstallCells, surfaceCell } from '../../../../server/src/storage/caches/install-cells-cache';
import { loadMigrations, migrate } from '../../../../server/src/storage/sqlite/migrate';
import { openDatabase } from '../../../../server/src/storage/sqlite/open-database';
import { pruneEvents } from '../../../../server/src/storage/queries/prune-events';
import { makeEvent, uuidv7 } from '../../../support/make-event';
import { insertEventsOnTime } from '../../../support/on-time';

type Db = ReturnType<typeof openDatabase>;
const NOW = new Date('2026-11-23T12:00:00Z');
const at = (day: string) => `${day}T09:00:00.000Z`;
const byKey = (a: { installId: string; department: string; cell: string; year: number }, b: typeof a) =>
  `${a.installId}${a.department}${a.cell}${a.year}`.localeCompare(`${b.installId}${b.department}${b.cell}${b.year}`);

/** What the table holds, in the cache's shape, for comparison. */
const fromTable = (db: Db) =>
  (db.prepare('SELECT year, install_id AS installId, department, cell, days FROM install_cells').all() as { installId: string; department: string; cell: string; year: number; days: Buffer }[])
    .map((r) => ({ ...r, days: [...r.days] }))
    .sort(byKey);
const fromCache = (db: Db) =>
  cachedInstallCells(db)
    .rows()
    .map(({ role, ...r }) => ({ ...r, cell: role, days: [...r.days] }))
    .sort(byKey);
const actionCounts = (db: Db) => db.prepare('SELECT day, department, role, action_id AS actionId, count FROM daily_action_counts ORDER BY 1, 2, 3, 4').all();

/** A few batches touching every kind of cell: surfaces, actions under roles, a move, a year's end. */
function ingestVariety(db: Db) {
  const [a, b] = [uuidv7(), uuidv7()];
  insertEventsOnTime(db, [makeEvent({ installId: a, at: at('2026-11-02'), actionId: 'engineering-read-tickets' })], 'UTC', NOW);
  insertEventsOnTime(
    db,
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
  it('stays equal to the table as batches arrive after it was read: a row per install, department and surface or role and action', () => {
    const db = openDatabase(':memory:');
    expect(fromCache(db)).toEqual([]);
    const { a, b } = ingestVariety(db);
    expect(fromCache(db)).toEqual(fromTable(db));
    const cellsOf = (install: string) => [...new Set(fromTable(db).filter((r) => r.installId === install).map((r) => `${r.department} ${r.cell}`))].sort();
    expect(cellsOf(a)).toEqual([
      `engineering ${actionCell('engineering', 'engineering-read-tickets')}`,
      `engineering ${surfaceCell('meet')}`,
      `engineering ${surfaceCell('newtab')}`,
      `engineering ${surfaceCell('popup')}`,
      `sales ${actionCell('sales', 'sales-call')}`,
      `sales ${surfaceCell('newtab')}`,
    ]);
    expect(cellsOf(b)).toEqual([`engineering ${actionCell('support', 'engineering-read-tickets')}`, `engineering ${surfaceCell('newtab')}`, `engineering ${surfaceCell('zoom')}`]);
    expect(actionCounts(db)).toEqual([
      { day: '2026-11-02', department: 'engineering', role: 'engineering', actionId: 'engineering-read-tickets', count: 2 },
      { day: '2026-11-04', department: 'sales', role: 'sales', actionId: 'sales-call', count: 1 },
      { day: '2026-11-05', department: 'engineering', role: 'support', actionId: 'engineering-read-tickets', count: 1 },
    ]);
  });

  it('is read again after a batch stored inside a transaction that rolled back', () => {
    const db = openDatabase(':memory:');
    insertEventsOnTime(db, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
    expect(cachedInstallCells(db).rows()).toHaveLength(2); // its surface and its action
    expect(() =>
      db.transaction(() => {
        insertEventsOnTime(db, [makeEvent({ at: at('2026-11-03') })], 'UTC', NOW);
        throw new Error('the outer work failed');
      })(),
    ).toThrow('the outer work failed');
    expect(cachedInstallCells(db).rows()).toHaveLength(2);
    expect(fromCache(db)).toEqual(fromTable(db));
  });

  it('is read again after another connection changed the table', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cc-install-cells-'));
    try {
      const db = openDatabase(join(folder, 'cc.db'));
      insertEventsOnTime(db, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
      expect(cachedInstallCells(db).rows()).toHaveLength(2);
      const other = openDatabase(join(folder, 'cc.db'));
      insertEventsOnTime(other, [makeEvent({ at: at('2026-11-03'), type: 'story_viewed' })], 'UTC', NOW);
      other.close();
      expect(cachedInstallCells(db).rows()).toHaveLength(3);
      expect(fromCache(db)).toEqual(fromTable(db));
      db.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps the cells of pruned events, as the table does', () => {
    const db = openDatabase(':memory:');
    insertEventsOnTime(db, [makeEvent({ at: at('2026-11-02') }), makeEvent({ at: at('2026-11-20') })], 'UTC', NOW);
    expect(pruneEvents(db, new Date('2026-11-10T00:00:00Z'))).toBe(1);
    expect(cachedInstallCells(db).rows()).toHaveLength(4);
    expect(fromCache(db)).toEqual(fromTable(db));
  });
});

describe('migration 006: install cells and action counts', () => {
  it('backfills from the raw events exactly what ingest would have written', () => {
    const db = openDatabase(':memory:');
    ingestVariety(db);
    const cells = fromTable(db);
    const counts = actionCounts(db);
    expect(cells.length).toBeGreaterThan(5);

    // Back to a database from before 006, its events kept; migrating again rebuilds both tables from them.
    db.exec('DROP TABLE install_cells; DROP TABLE daily_action_counts; PRAGMA user_version = 5');
    expect(migrate(db, loadMigrations().filter((m) => m.version === 6))).toEqual([6]);
    expect(fromTable(db)).toEqual(cells);
    expect(actionCounts(db)).toEqual(counts);
    expect(fromCache(db)).toEqual(cells);
  });

  it('backfills nothing for events already pruned: those weeks have no cells', () => {
    const db = openDatabase(':memory:');
    insertEventsOnTime(db, [makeEvent({ at: at('2026-11-02') }), makeEvent({ at: at('2026-11-20'), surface: 'meet' })], 'UTC', NOW);
    pruneEvents(db, new Date('2026-11-10T00:00:00Z'));
    db.exec('DROP TABLE install_cells; DROP TABLE daily_action_counts; PRAGMA user_version = 5');
    migrate(db, loadMigrations().filter((m) => m.version === 6));
    expect(fromTable(db).map((r) => r.cell).sort()).toEqual([actionCell('engineering', 'engineering-read-tickets'), surfaceCell('meet')].sort());
    expect(actionCounts(db)).toEqual([{ day: '2026-11-20', department: 'engineering', role: 'engineering', actionId: 'engineering-read-tickets', count: 1 }]);
  });
});
