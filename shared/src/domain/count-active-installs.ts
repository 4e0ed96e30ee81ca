import type { InstallActivity } from './install-activity';

/**
 * Distinct installs active in each department from `from` to `to` (days,
 * inclusive): an install with any day marked in a department then counts
 * once for it, whatever its roles there, and once for every department it
 * was active in (unlike the stats' week groups, which count an install that
 * moved in one department only). Departments with none are left out.
 */
export function countActiveInstalls(activity: InstallActivity, from: string, to: string): Map<string, number> {
  const active = activity.activeRows(from, to);
  const { rowDepartment, rowMoved, movedInstalls } = activity;
  const counts = new Int32Array(activity.departments.length);
  for (let row = 0; row < active.length; row++) {
    if (active[row] === 1 && rowMoved[row] === 0) counts[rowDepartment[row]!]!++;
  }
  // An install with several rows (roles, or departments) counts once per department it was active in.
  for (const rows of movedInstalls) {
    const departments = new Set<number>();
    for (const row of rows) if (active[row] === 1) departments.add(rowDepartment[row]!);
    for (const department of departments) counts[department]!++;
  }
  const out = new Map<string, number>();
  activity.departments.forEach((department, i) => {
    if (counts[i]! > 0) out.set(department, counts[i]!);
  });
  return out;
}
