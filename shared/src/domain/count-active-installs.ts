import type { InstallCount, RoleInstallCount, WeeklyInstallCount } from './build-stats';
import { departmentsToFold } from './build-stats';
import type { InstallActivity } from './install-activity';
import { addDays, weekStart } from './local-day';

/**
 * Distinct installs among the `active` rows (flags by row): per department,
 * per department and role (indexed department × roles + role), in total.
 */
function tally(activity: InstallActivity, active: Uint8Array) {
  const { rowDepartment, rowRole, rowMoved } = activity;
  const roleCount = activity.roles.length;
  const byDepartment = new Int32Array(activity.departments.length);
  const byRole = new Int32Array(activity.departments.length * roleCount);
  let total = 0;
  // Most installs have one row: it is the install.
  for (let row = 0; row < active.length; row++) {
    if (active[row] === 0 || rowMoved[row] === 1) continue;
    byDepartment[rowDepartment[row]!]!++;
    byRole[rowDepartment[row]! * roleCount + rowRole[row]!]!++;
    total++;
  }
  // An install with several rows has one per department and role: it counts once per department.
  for (const rows of activity.movedInstalls) {
    let counted = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (active[row] === 0) continue;
      const department = rowDepartment[row]!;
      byRole[department * roleCount + rowRole[row]!]!++;
      if (!rows.slice(0, i).some((earlier) => active[earlier] === 1 && rowDepartment[earlier] === department)) byDepartment[department]!++;
      counted = 1;
    }
    total += counted;
  }
  return { byDepartment, byRole, total };
}

/**
 * Distinct installs active in any of the `folded` departments (flags by
 * department), in total and per role: an install that moved between two
 * of them counts once.
 */
function tallyFolded(activity: InstallActivity, active: Uint8Array, folded: Uint8Array) {
  const { rowDepartment, rowRole, rowMoved } = activity;
  const byRole = new Int32Array(activity.roles.length);
  let total = 0;
  for (let row = 0; row < active.length; row++) {
    if (active[row] === 0 || rowMoved[row] === 1 || folded[rowDepartment[row]!] === 0) continue;
    byRole[rowRole[row]!]!++;
    total++;
  }
  for (const rows of activity.movedInstalls) {
    const inOther = rows.filter((row) => active[row] === 1 && folded[rowDepartment[row]!] === 1);
    if (inOther.length === 0) continue;
    total++;
    inOther.forEach((row, i) => {
      if (inOther.findIndex((r) => rowRole[r] === rowRole[row]) === i) byRole[rowRole[row]!]!++;
    });
  }
  return { byRole, total };
}

/** Departments with active installs, with how many. */
function departmentCounts(activity: InstallActivity, byDepartment: Int32Array): InstallCount[] {
  return activity.departments.flatMap((department, d) => (byDepartment[d]! > 0 ? [{ department, installs: byDepartment[d]! }] : []));
}

/** Flags by department number for the `names` given. */
function departmentFlags(activity: InstallActivity, names: string[]): Uint8Array {
  const flags = new Uint8Array(activity.departments.length);
  for (const name of names) flags[activity.departments.indexOf(name)] = 1;
  return flags;
}

/**
 * Distinct active installs for a range, every way the stats need them:
 * per department, per department and role, in total, and across the
 * departments too small to be named (with `minGroupSize`).
 */
export function countActiveInstalls(activity: InstallActivity, range: { from: string; to: string }, minGroupSize: number) {
  const active = activity.activeRows(range.from, range.to);
  const { byDepartment, byRole, total } = tally(activity, active);
  const departmentInstalls = departmentCounts(activity, byDepartment);
  const roleCount = activity.roles.length;
  const roleInstalls: RoleInstallCount[] = [];
  activity.departments.forEach((department, d) => {
    activity.roles.forEach((role, r) => {
      const installs = byRole[d * roleCount + r]!;
      if (installs > 0) roleInstalls.push({ department, role, installs });
    });
  });
  const folded = departmentsToFold(departmentInstalls, minGroupSize);
  const other = folded.length > 0 ? tallyFolded(activity, active, departmentFlags(activity, folded)) : { byRole: new Int32Array(0), total: 0 };
  return {
    departmentInstalls,
    roleInstalls,
    totalInstalls: total,
    otherInstalls: other.total,
    otherRoleInstalls: activity.roles.flatMap((role, r) => (other.byRole[r]! > 0 ? [{ role, installs: other.byRole[r]! }] : [])),
  };
}

/** Distinct active installs per whole week (Monday to Sunday) that the range touches, small departments folded per week. */
export function countWeeklyInstalls(activity: InstallActivity, range: { from: string; to: string }, minGroupSize: number) {
  const weeklyInstalls: WeeklyInstallCount[] = [];
  const weeklyOtherInstalls: { week: string; installs: number }[] = [];
  for (let week = weekStart(range.from); week <= range.to; week = addDays(week, 7)) {
    const active = activity.activeRows(week, addDays(week, 6));
    const perDepartment = departmentCounts(activity, tally(activity, active).byDepartment);
    weeklyInstalls.push(...perDepartment.map(({ department, installs }) => ({ week, department, installs })));
    const folded = departmentsToFold(perDepartment, minGroupSize);
    if (folded.length === 0) continue;
    const other = tallyFolded(activity, active, departmentFlags(activity, folded)).total;
    if (other > 0) weeklyOtherInstalls.push({ week, installs: other });
  }
  return { weeklyInstalls, weeklyOtherInstalls };
}
