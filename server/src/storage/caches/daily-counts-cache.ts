import { dailyCounts, type DailyCountRow, type DailyCounts } from '@customer-chair/shared/domain/daily-counts';
import type { Database } from 'better-sqlite3';
import { connectionCache } from './connection-cache';

/**
 * Every `daily_counts` row, held in memory once read, laid out for summing
 * ranges (`DailyCounts`): the stats request summed a month of them in
 * SQLite, grouping and sorting every cell, each time. The table changes
 * only through ingest (`storeEvents`), whose counts reach
 * `noteDailyCounts` once their transaction has committed.
 */
const cache = connectionCache((db) =>
  dailyCounts(db.prepare('SELECT day, week, department, role, type, count FROM daily_counts').all() as DailyCountRow[]),
);

export function cachedDailyCounts(db: Database): DailyCounts {
  return cache.get(db);
}

/** Adds the counts a committed batch added to the table. */
export function noteDailyCounts(db: Database, added: Iterable<DailyCountRow>): void {
  cache.update(db, (counts) => {
    for (const row of added) counts.add(row);
  });
}
