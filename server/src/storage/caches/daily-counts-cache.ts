import { DailyCounts, type DailyCountRow } from '@customer-chair/shared/domain/daily-counts';
import type { Database } from 'better-sqlite3';
import type { Queries } from '../storage';
import { cachedTable } from './cached-table';

/**
 * Every `daily_counts` row, held in memory once read, laid out for summing
 * ranges (`DailyCounts`): the stats request summed a month of them in
 * SQLite, grouping and sorting every cell, each time. The table changes
 * only through ingest (`storeEvents`), whose counts reach
 * `noteDailyCounts` once their transaction has committed.
 */
export const dailyCountsTable = cachedTable<DailyCounts, DailyCountRow>({
  table: 'daily_counts',
  columns: 'day, week, department, role, type, count',
  empty: () => new DailyCounts(),
  add: (counts, row) => counts.add(row),
  replace: (counts, row) => counts.set(row),
});

/** SQLite: the value held for this connection (what the stats read, on either engine, is statsCaches'). */
export function cachedDailyCounts(db: Database): DailyCounts {
  return dailyCountsTable.onConnection(db);
}

/** Adds the counts a committed batch added to the table (see CachedTable's `note`). */
export function noteDailyCounts(on: Database | Queries, added: Iterable<DailyCountRow>): void {
  dailyCountsTable.note(on, added);
}
