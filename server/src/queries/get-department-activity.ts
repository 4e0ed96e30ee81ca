import type { EventType, Surface } from '@customer-chair/shared/schemas/usage-event';
import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';
import { countActiveInstalls } from '@customer-chair/shared/domain/count-active-installs';
import { cachedInstallActivity } from '../db/activity-cache';

export type DepartmentActivity = {
  installs: number;
  roleInstalls: { role: string; installs: number }[];
  actionsByRole: { role: string; count: number }[];
  items: { type: EventType; itemId: string; count: number }[];
  surfaces: { surface: Surface; type: EventType; count: number }[];
};

/** One department's roll-ups over a range: who (by role), what (by item) and where (by surface). */
export function getDepartmentActivity(db: Database, department: string, range: { from: string; to: string }): DepartmentActivity {
  const params = { ...range, department };
  const inRange = 'day BETWEEN @from AND @to AND department = @department';
  return db.transaction(() => {
    // minGroupSize 1: nothing is folded here; the caller applies the privacy rule.
    const installs = countActiveInstalls(cachedInstallActivity(db), range, 1);
    return {
      installs: installs.departmentInstalls.find((d) => d.department === department)?.installs ?? 0,
      roleInstalls: installs.roleInstalls.filter((r) => r.department === department).map(({ role, installs: n }) => ({ role, installs: n })),
      actionsByRole: statement(
        db,
        `SELECT role, SUM(count) AS count FROM daily_counts WHERE ${inRange} AND type = 'action_taken' GROUP BY role`,
      ).all(params) as DepartmentActivity['actionsByRole'],
      items: statement(
        db,
        `SELECT type, item_id AS itemId, SUM(count) AS count FROM daily_item_counts WHERE ${inRange} GROUP BY type, item_id`,
      ).all(params) as DepartmentActivity['items'],
      surfaces: statement(
        db,
        `SELECT surface, type, SUM(count) AS count FROM daily_surface_counts WHERE ${inRange} GROUP BY surface, type`,
      ).all(params) as DepartmentActivity['surfaces'],
    };
  })();
}
