import { installActivity, type ActivityRow, type InstallActivity } from '@customer-chair/shared/domain/install-activity';
import type { Database } from 'better-sqlite3';
import { connectionCache } from './connection-cache';

/**
 * Every `install_activity` row, held in memory once read, laid out for
 * counting (`InstallActivity`). Distinct active installs are worked out from
 * all of them on every stats request; reading them from SQLite each time was
 * most of that request's time. The table changes only through ingest
 * (`storeEvents`), whose marked days reach `noteInstallActivity` once their
 * transaction has committed.
 */
const cache = connectionCache((db) =>
  installActivity(db.prepare('SELECT year, install_id AS installId, department, role, days FROM install_activity').all() as ActivityRow[]),
);

export function cachedInstallActivity(db: Database): InstallActivity {
  return cache.get(db);
}

/** Adds the days a committed batch marked active (the same rows and bits it merged into the table). */
export function noteInstallActivity(db: Database, marked: Iterable<ActivityRow>): void {
  cache.update(db, (activity) => {
    for (const row of marked) activity.mark(row);
  });
}
