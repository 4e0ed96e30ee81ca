import { groupByInstall, type ActivityRow } from '@customer-chair/shared/domain/count-active-installs';
import type { Database } from 'better-sqlite3';
import { statement } from './statement';

/** One install's rows (one per year, department and role it was active in). */
type Cache = { installs: ActivityRow[][]; byInstall: Map<string, ActivityRow[]>; dataVersion: number };
const caches = new WeakMap<Database, Cache>();

/**
 * Every `install_activity` row, held in memory once read and grouped by
 * install. Distinct active installs are worked out from all of them on every
 * stats request; reading them from SQLite each time (an object and a Buffer
 * per row) was most of that request's time. The table changes only through
 * `insertEvents`, which hands what it merged to `noteInstallActivity` once
 * committed, so the cache stays equal to the table; a commit by another
 * connection (another process, a tool) moves SQLite's `data_version`, and
 * the cache is read again.
 */
export function cachedInstallActivity(db: Database): ActivityRow[][] {
  const dataVersion = statement(db, 'PRAGMA data_version').pluck().get() as number;
  let cache = caches.get(db);
  if (!cache || cache.dataVersion !== dataVersion) {
    const rows = db.prepare('SELECT year, install_id AS installId, department, role, days FROM install_activity').all() as ActivityRow[];
    const installs = groupByInstall(rows);
    cache = { installs, byInstall: new Map(installs.map((group) => [group[0]!.installId, group])), dataVersion };
    caches.set(db, cache);
  }
  return cache.installs;
}

/**
 * Adds the days a committed batch marked active (the same rows and bits it
 * merged into the table). Inside an outer transaction that might still roll
 * back, the cache is dropped instead and read again when next needed.
 */
export function noteInstallActivity(db: Database, marked: Iterable<[number, string, string, string, Uint8Array]>): void {
  const cache = caches.get(db);
  if (!cache) return;
  if (db.inTransaction) {
    caches.delete(db);
    return;
  }
  for (const [year, installId, department, role, days] of marked) {
    let group = cache.byInstall.get(installId);
    if (!group) {
      cache.byInstall.set(installId, (group = []));
      cache.installs.push(group);
    }
    const row = group.find((r) => r.year === year && r.department === department && r.role === role);
    if (row) {
      for (let i = 0; i < days.length; i++) row.days[i]! |= days[i]!;
    } else {
      group.push({ year, installId, department, role, days: Uint8Array.from(days) });
    }
  }
}
