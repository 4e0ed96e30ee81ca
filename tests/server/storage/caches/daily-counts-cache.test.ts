import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, weekStart } from '../../../../shared/src/domain/local-day';
import { cachedDailyCounts } from '../../../../server/src/storage/caches/daily-counts-cache';
import { openDatabase } from '../../../../server/src/storage/sqlite/open-database';
import { insertEvents } from '../../../../server/src/storage/queries/insert-events';
import { pruneEvents } from '../../../../server/src/storage/queries/prune-events';
import { makeEvent, uuidv7 } from '../../../support/make-event';

type Db = ReturnType<typeof openDatabase>;
const NOW = new Date('2026-11-23T12:00:00Z');
const at = (day: string) => `${day}T09:00:00.000Z`;
const RANGES = [
  { from: '2026-11-01', to: '2026-11-30' },
  { from: '2026-11-03', to: '2026-11-09' },
  { from: '2026-12-01', to: '2026-12-31' },
];

/**
 * The cache's sums against the same sums done by SQLite on the table: for a
 * few ranges of days, and for every week they touch as the stats sum them
 * (Monday to Sunday), against the rows the table files under that week.
 */
function expectEqualToTable(db: Db) {
  for (const range of RANGES) {
    const counts = db
      .prepare('SELECT department, role, type, SUM(count) AS count FROM daily_counts WHERE day BETWEEN @from AND @to GROUP BY department, role, type')
      .all(range);
    expect(cachedDailyCounts(db).sum(range), `${range.from}..${range.to}`).toEqual(counts);
    for (let week = weekStart(range.from); week <= range.to; week = addDays(week, 7)) {
      const weekly = db.prepare('SELECT department, role, type, SUM(count) AS count FROM daily_counts WHERE week = ? GROUP BY department, role, type').all(week);
      expect(cachedDailyCounts(db).sum({ from: week, to: addDays(week, 6) }), `week ${week}`).toEqual(weekly);
    }
  }
}
const total = (db: Db) => cachedDailyCounts(db).sum({ from: '2000-01-01', to: '2999-12-31' }).reduce((sum, cell) => sum + cell.count, 0);

describe('the daily counts cache', () => {
  it('stays equal to the table as batches arrive after it was read, an install changing department included', () => {
    const db = openDatabase(':memory:');
    const [a, b] = [uuidv7(), uuidv7()];
    insertEvents(db, [makeEvent({ installId: a, at: at('2026-11-02') })], 'UTC', NOW);
    expectEqualToTable(db);

    insertEvents(
      db,
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
    expectEqualToTable(db);
    expect(total(db)).toBe(6);
  });

  it('is read again after a batch stored inside a transaction that rolled back', () => {
    const db = openDatabase(':memory:');
    insertEvents(db, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
    expect(total(db)).toBe(1);
    expect(() =>
      db.transaction(() => {
        insertEvents(db, [makeEvent({ at: at('2026-11-03') })], 'UTC', NOW);
        throw new Error('the outer work failed');
      })(),
    ).toThrow('the outer work failed');
    expect(total(db)).toBe(1);
    expectEqualToTable(db);
  });

  it('is read again after another connection changed the table', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cc-daily-counts-'));
    try {
      const db = openDatabase(join(folder, 'cc.db'));
      insertEvents(db, [makeEvent({ at: at('2026-11-02') })], 'UTC', NOW);
      expect(total(db)).toBe(1);
      const other = openDatabase(join(folder, 'cc.db'));
      insertEvents(other, [makeEvent({ at: at('2026-11-03') }), makeEvent({ at: at('2026-11-02'), type: 'prompt_shown' })], 'UTC', NOW);
      other.close();
      expect(total(db)).toBe(3);
      expectEqualToTable(db);
      db.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps the counts of pruned events, as the table does', () => {
    const db = openDatabase(':memory:');
    insertEvents(db, [makeEvent({ at: at('2026-11-02') }), makeEvent({ at: at('2026-11-20') })], 'UTC', NOW);
    expect(total(db)).toBe(2);
    expect(pruneEvents(db, new Date('2026-11-10T00:00:00Z'))).toBe(1);
    expect(total(db)).toBe(2);
    expectEqualToTable(db);
  });
});
