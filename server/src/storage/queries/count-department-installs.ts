import { heldDepartmentInstalls } from '../caches/department-installs-cache';
import { statsCaches } from '../caches/stats-caches';
import type { Storage } from '../storage';

/**
 * Distinct installs active in `department` from `from` to `to` (company-local
 * days, inclusive): installs with any event in that department on those days,
 * counted from the install activity held in memory (stats-caches: current on
 * SQLite, at most a second stale on PostgreSQL), never from raw events.
 * What the small-group rule compares with MIN_GROUP_SIZE. Counted once per
 * period, then kept up to date with the installs whose days changed
 * (department-installs-cache).
 */
export async function countDepartmentInstalls(storage: Storage, department: string, from: string, to: string): Promise<number> {
  return statsCaches.read(storage, ({ installActivity }) => heldDepartmentInstalls(installActivity, from, to).get(department) ?? 0);
}

/** The same for every department at once (those with none are left out). */
export async function countDepartmentsInstalls(storage: Storage, from: string, to: string): Promise<Map<string, number>> {
  return statsCaches.read(storage, ({ installActivity }) => new Map(heldDepartmentInstalls(installActivity, from, to)));
}
