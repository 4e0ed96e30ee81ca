import type { InstallCount, RoleInstallCount, WeeklyInstallCount } from './build-stats';
import { departmentsToFold, weeklyDepartmentsToFold } from './build-stats';
import { dayOfYear, hasDayBetween } from './has-day-between';
import { addDays, weekStart } from './local-day';

/** One install's activity in one department and role over one calendar year. */
export type ActivityRow = { installId: string; department: string; role: string; year: number; days: Uint8Array };

/**
 * A test of "active on any day from `from` to `to`" for rows; the day
 * window of each year is worked out once, not once per row.
 */
function activeBetween(from: string, to: string): (row: ActivityRow) => boolean {
  const windows = new Map<number, [number, number] | null>();
  const windowOf = (year: number) => {
    let window = windows.get(year);
    if (window === undefined) {
      const yearStart = `${year}-01-01`;
      const yearEnd = `${year}-12-31`;
      window = to < yearStart || from > yearEnd ? null : [from <= yearStart ? 0 : dayOfYear(from), to >= yearEnd ? 365 : dayOfYear(to)];
      windows.set(year, window);
    }
    return window;
  };
  return (row) => {
    const window = windowOf(row.year);
    return window !== null && hasDayBetween(row.days, window[0], window[1]);
  };
}

const distinct = <T>(items: T[], key: (item: T) => string, id: (item: T) => string) => {
  const sets = new Map<string, Set<string>>();
  for (const item of items) {
    const k = key(item);
    let set = sets.get(k);
    if (!set) sets.set(k, (set = new Set()));
    set.add(id(item));
  }
  return sets;
};

/**
 * Distinct active installs for a range, every way the stats need them:
 * per department, per department and role, in total, and across the
 * departments too small to be named (with `minGroupSize`).
 */
export function countActiveInstalls(rows: ActivityRow[], range: { from: string; to: string }, minGroupSize: number) {
  const active = rows.filter(activeBetween(range.from, range.to));
  const byDepartment = distinct(active, (r) => r.department, (r) => r.installId);
  const departmentInstalls: InstallCount[] = [...byDepartment].map(([department, set]) => ({ department, installs: set.size }));
  const roleInstalls: RoleInstallCount[] = [...distinct(active, (r) => `${r.department}\u0000${r.role}`, (r) => r.installId)].map(([key, set]) => {
    const [department, role] = key.split('\u0000') as [string, string];
    return { department, role, installs: set.size };
  });
  const folded = new Set(departmentsToFold(departmentInstalls, minGroupSize));
  const inOther = active.filter((r) => folded.has(r.department));
  return {
    departmentInstalls,
    roleInstalls,
    totalInstalls: new Set(active.map((r) => r.installId)).size,
    otherInstalls: new Set(inOther.map((r) => r.installId)).size,
    otherRoleInstalls: [...distinct(inOther, (r) => r.role, (r) => r.installId)].map(([role, set]) => ({ role, installs: set.size })),
  };
}

/** Distinct active installs per whole week (Monday to Sunday) that the range touches, small departments folded per week. */
export function countWeeklyInstalls(rows: ActivityRow[], range: { from: string; to: string }, minGroupSize: number) {
  const weeklyInstalls: WeeklyInstallCount[] = [];
  const weeklyOtherInstalls: { week: string; installs: number }[] = [];
  for (let week = weekStart(range.from); week <= range.to; week = addDays(week, 7)) {
    const active = rows.filter(activeBetween(week, addDays(week, 6)));
    const perDepartment = [...distinct(active, (r) => r.department, (r) => r.installId)].map(([department, set]) => ({ week, department, installs: set.size }));
    weeklyInstalls.push(...perDepartment);
    const folded = new Set(weeklyDepartmentsToFold(perDepartment, minGroupSize).map((key) => key.slice(week.length + 1)));
    const other = new Set(active.filter((r) => folded.has(r.department)).map((r) => r.installId)).size;
    if (other > 0) weeklyOtherInstalls.push({ week, installs: other });
  }
  return { weeklyInstalls, weeklyOtherInstalls };
}
