import type { InstallCount, RoleInstallCount, WeeklyInstallCount } from './build-stats';
import { departmentsToFold, weeklyDepartmentsToFold } from './build-stats';
import { dayOfYear, dayWindowTest } from './has-day-between';
import { addDays, weekStart } from './local-day';

/** One install's activity in one department and role over one calendar year. */
export type ActivityRow = { installId: string; department: string; role: string; year: number; days: Uint8Array };

/** Rows grouped by install, each install's rows together, in first-seen order. */
export function groupByInstall(rows: ActivityRow[]): ActivityRow[][] {
  const groups = new Map<string, ActivityRow[]>();
  for (const row of rows) {
    const group = groups.get(row.installId);
    if (group) group.push(row);
    else groups.set(row.installId, [row]);
  }
  return [...groups.values()];
}

/**
 * A test of "active on any day from `from` to `to`" for rows; the day
 * window of each year is worked out once, not once per row.
 */
function activeBetween(from: string, to: string): (row: ActivityRow) => boolean {
  const tests = new Map<number, ((days: Uint8Array) => boolean) | null>();
  const testOf = (year: number) => {
    let test = tests.get(year);
    if (test === undefined) {
      const yearStart = `${year}-01-01`;
      const yearEnd = `${year}-12-31`;
      test = to < yearStart || from > yearEnd ? null : dayWindowTest(from <= yearStart ? 0 : dayOfYear(from), to >= yearEnd ? 365 : dayOfYear(to));
      tests.set(year, test);
    }
    return test;
  };
  return (row) => {
    const test = testOf(row.year);
    return test !== null && test(row.days);
  };
}

const NONE: ActivityRow[] = [];

/** Adds one to the count under `key`. */
function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Each value once, in first-seen order (an install has one row or a few: no Set needed). */
function unique<T>(values: T[]): T[] {
  return values.length < 2 ? values : values.filter((value, i) => values.indexOf(value) === i);
}

/** The departments of an install's rows, each once. */
const departmentsOf = (rows: ActivityRow[]) => (rows.length === 1 ? [rows[0]!.department] : unique(rows.map((r) => r.department)));

/**
 * Distinct active installs for a range, every way the stats need them:
 * per department, per department and role, in total, and across the
 * departments too small to be named (with `minGroupSize`). `installs` holds
 * each install's rows together, so "distinct" is decided among its own few
 * rows instead of in sets of every install id.
 */
export function countActiveInstalls(installs: Iterable<ActivityRow[]>, range: { from: string; to: string }, minGroupSize: number) {
  const isActive = activeBetween(range.from, range.to);
  const activeInstalls: ActivityRow[][] = [];
  const byDepartment = new Map<string, number>();
  const byRole = new Map<string, Map<string, number>>();
  for (const rows of installs) {
    // Most installs have one row: no array is made for them.
    const active = rows.length === 1 ? (isActive(rows[0]!) ? rows : NONE) : rows.filter(isActive);
    if (active.length === 0) continue;
    activeInstalls.push(active);
    for (const department of departmentsOf(active)) bump(byDepartment, department);
    active.forEach(({ department, role }, i) => {
      if (active.findIndex((r) => r.department === department && r.role === role) !== i) return;
      let roles = byRole.get(department);
      if (!roles) byRole.set(department, (roles = new Map()));
      bump(roles, role);
    });
  }
  const departmentInstalls: InstallCount[] = [...byDepartment].map(([department, installs]) => ({ department, installs }));
  const roleInstalls: RoleInstallCount[] = [...byRole].flatMap(([department, roles]) => [...roles].map(([role, installs]) => ({ department, role, installs })));
  const folded = new Set(departmentsToFold(departmentInstalls, minGroupSize));
  let otherInstalls = 0;
  const otherByRole = new Map<string, number>();
  if (folded.size > 0) {
    for (const active of activeInstalls) {
      const inOther = active.filter((r) => folded.has(r.department));
      if (inOther.length === 0) continue;
      otherInstalls++;
      for (const role of unique(inOther.map((r) => r.role))) bump(otherByRole, role);
    }
  }
  return {
    departmentInstalls,
    roleInstalls,
    totalInstalls: activeInstalls.length,
    otherInstalls,
    otherRoleInstalls: [...otherByRole].map(([role, installs]) => ({ role, installs })),
  };
}

/** Distinct active installs per whole week (Monday to Sunday) that the range touches, small departments folded per week. */
export function countWeeklyInstalls(installs: Iterable<ActivityRow[]>, range: { from: string; to: string }, minGroupSize: number) {
  const weeks: { week: string; isActive: (row: ActivityRow) => boolean; byDepartment: Map<string, number>; active: ActivityRow[][] }[] = [];
  for (let week = weekStart(range.from); week <= range.to; week = addDays(week, 7)) {
    weeks.push({ week, isActive: activeBetween(week, addDays(week, 6)), byDepartment: new Map(), active: [] });
  }
  // A week can only hold days the whole span holds: most installs are passed over with one test a row.
  const inSpan = activeBetween(weeks[0]?.week ?? range.from, addDays(weeks.at(-1)?.week ?? range.to, 6));
  for (const rows of installs) {
    if (rows.length === 1 ? !inSpan(rows[0]!) : !rows.some(inSpan)) continue;
    for (const w of weeks) {
      const active = rows.length === 1 ? (w.isActive(rows[0]!) ? rows : NONE) : rows.filter(w.isActive);
      if (active.length === 0) continue;
      w.active.push(active);
      for (const department of departmentsOf(active)) bump(w.byDepartment, department);
    }
  }
  const weeklyInstalls: WeeklyInstallCount[] = [];
  const weeklyOtherInstalls: { week: string; installs: number }[] = [];
  for (const { week, byDepartment, active } of weeks) {
    const perDepartment = [...byDepartment].map(([department, installs]) => ({ week, department, installs }));
    weeklyInstalls.push(...perDepartment);
    const folded = new Set(weeklyDepartmentsToFold(perDepartment, minGroupSize).map((key) => key.slice(week.length + 1)));
    if (folded.size === 0) continue;
    const other = active.filter((rows) => rows.some((r) => folded.has(r.department))).length;
    if (other > 0) weeklyOtherInstalls.push({ week, installs: other });
  }
  return { weeklyInstalls, weeklyOtherInstalls };
}
