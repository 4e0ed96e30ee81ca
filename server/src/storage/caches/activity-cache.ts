import { InstallActivity, type ActivityRow } from '@customer-chair/shared/domain/install-activity';
import type { Database } from 'better-sqlite3';
import type { Queries } from '../storage';
import { cachedTable } from './cached-table';

/**
 * Every `install_activity` row, held in memory once read, laid out for
 * counting (`InstallActivity`). Distinct active installs are worked out from
 * all of them on every stats request; reading them from the database each
 * time was most of that request's time. The table changes only through
 * ingest (`storeEvents`), whose marked days reach `noteInstallActivity` once
 * their transaction has committed.
 */
export const installActivityTable = cachedTable<InstallActivity, ActivityRow>({
  table: 'install_activity',
  columns: 'year, install_id AS "installId", department, role, days',
  empty: () => new InstallActivity(),
  add: (activity, row) => activity.mark(row),
  replace: (activity, row) => activity.replace(row),
});

/** SQLite: the value held for this connection (what the stats read, on either engine, is statsCaches'). */
export function cachedInstallActivity(db: Database): InstallActivity {
  return installActivityTable.onConnection(db);
}

/** Adds the days a committed batch marked active (the same rows and bits it merged into the table; see CachedTable's `note`). */
export function noteInstallActivity(on: Database | Queries, marked: Iterable<ActivityRow>): void {
  installActivityTable.note(on, marked);
}
