import type { ActivityRow } from '@customer-chair/shared/domain/count-active-installs';
import type { Database } from 'better-sqlite3';
import { cachedInstallActivity } from '../db/activity-cache';

/**
 * Every install's activity rows (one per year, department and role), grouped
 * by install; with `department`, only that department's rows. Rows of years
 * outside a range are left in: the counting tests each row's days anyway.
 */
export function getInstallActivity(db: Database, department?: string): ActivityRow[][] {
  const installs = cachedInstallActivity(db);
  if (department === undefined) return installs;
  const out: ActivityRow[][] = [];
  for (const rows of installs) {
    const mine = rows.filter((r) => r.department === department);
    if (mine.length) out.push(mine);
  }
  return out;
}
