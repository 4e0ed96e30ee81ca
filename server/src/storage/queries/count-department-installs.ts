import { countActiveInstalls } from '@customer-chair/shared/domain/count-active-installs';
import { statsCaches } from '../caches/stats-caches';
import type { Storage } from '../storage';

/**
 * Distinct installs active in `department` from `from` to `to` (company-local
 * days, inclusive): installs with any event in that department on those days,
 * counted from the install activity held in memory (stats-caches: current on
 * SQLite, at most a second stale on PostgreSQL), never from raw events.
 * What the small-group rule compares with MIN_GROUP_SIZE.
 */
export async function countDepartmentInstalls(storage: Storage, department: string, from: string, to: string): Promise<number> {
  return (await countDepartmentsInstalls(storage, from, to)).get(department) ?? 0;
}

/** The same for every department at once (those with none are left out). */
export async function countDepartmentsInstalls(storage: Storage, from: string, to: string): Promise<Map<string, number>> {
  return statsCaches.read(storage, ({ installActivity }) => countActiveInstalls(installActivity, from, to));
}
