import type { DisclosureBucket } from './plan-disclosure';
import type { InstallActivity } from './install-activity';
import { addDays } from './local-day';

/** One week's distinct installs, grouped the two ways the disclosure rule splits them. */
export type WeekInstallGroups = {
  /** Distinct installs active anywhere that week. */
  installs: number;
  /** Per department (the first part of each activity row), and across any set of departments. */
  departments: DisclosureBucket;
  /** Per second part (role, or surface/action cell) inside one department, and across any set of them. */
  within: (department: string) => DisclosureBucket;
};

/**
 * Distinct installs active in the week starting on Monday `week`, counted
 * from `activity` (rows of install × department × role, or × cell): in
 * total, per department, per second part within a department, and across
 * any set of them.
 *
 * `onePerInstall` (departments and roles): an install active in several
 * departments or roles in one week counts in one only, the one it was
 * active in last (then by name), so that the groups' counts add up to the
 * total and no difference of them counts the installs that moved. Without
 * it (surfaces, actions), an install counts in every cell it used, once in
 * any union of them.
 */
export function weekInstallGroups(activity: InstallActivity, week: string, options: { onePerInstall: boolean } = { onePerInstall: true }): WeekInstallGroups {
  const sunday = addDays(week, 6);
  const active = activity.activeRows(week, sunday);
  const { rowDepartment, rowRole, movedInstalls } = activity;
  const roleCount = activity.roles.length;

  // Per install with several rows, the rows it counts in this week.
  const counted: number[][] = movedInstalls.map((rows) => {
    const live = rows.filter((row) => active[row] === 1);
    if (!options.onePerInstall || live.length <= 1) return live;
    let chosen = live[0]!;
    let chosenDay = activity.lastActive(chosen, week, sunday);
    for (const row of live.slice(1)) {
      const day = activity.lastActive(row, week, sunday);
      if (day > chosenDay || (day === chosenDay && rowName(activity, row) < rowName(activity, chosen))) {
        chosen = row;
        chosenDay = day;
      }
    }
    return [chosen];
  });
  // From here `active` marks the rows of installs that did not move (those counted above are apart):
  // the groups answer from what this call saw, should `activity` take more rows later.
  for (const rows of movedInstalls) for (const row of rows) active[row] = 0;

  /** Distinct installs with a counted row that `keep` accepts. */
  const distinct = (keep: (department: number, role: number) => boolean): number => {
    let n = 0;
    for (let row = 0; row < active.length; row++) {
      if (active[row] === 1 && keep(rowDepartment[row]!, rowRole[row]!)) n++;
    }
    for (const rows of counted) if (rows.some((row) => keep(rowDepartment[row]!, rowRole[row]!))) n++;
    return n;
  };

  // Per department and per department × second part in one pass; an install counted once per cell.
  const byDepartment = new Int32Array(activity.departments.length);
  const byRole = new Int32Array(activity.departments.length * roleCount);
  let installs = 0;
  for (let row = 0; row < active.length; row++) {
    if (active[row] === 0) continue;
    byDepartment[rowDepartment[row]!]!++;
    byRole[rowDepartment[row]! * roleCount + rowRole[row]!]!++;
    installs++;
  }
  for (const rows of counted) {
    const departments = new Set<number>();
    const cells = new Set<number>();
    for (const row of rows) {
      departments.add(rowDepartment[row]!);
      cells.add(rowDepartment[row]! * roleCount + rowRole[row]!);
    }
    for (const d of departments) byDepartment[d]!++;
    for (const cell of cells) byRole[cell]!++;
    if (rows.length > 0) installs++;
  }

  const departmentSizes = new Map<string, number>();
  activity.departments.forEach((name, d) => {
    if (byDepartment[d]! > 0) departmentSizes.set(name, byDepartment[d]!);
  });
  const departmentIndex = new Map(activity.departments.map((name, d) => [name, d]));
  const roleIndex = new Map(activity.roles.map((name, r) => [name, r]));
  const indexes = (names: readonly string[], index: Map<string, number>) => new Set(names.map((n) => index.get(n)).filter((i) => i !== undefined));

  return {
    installs,
    departments: {
      sizes: departmentSizes,
      unionSize: (names) => {
        const wanted = indexes(names, departmentIndex);
        return distinct((d) => wanted.has(d));
      },
    },
    within: (department) => {
      const d = departmentIndex.get(department);
      const sizes = new Map<string, number>();
      if (d !== undefined) {
        for (let r = 0; r < roleCount; r++) {
          const n = byRole[d * roleCount + r]!;
          if (n > 0) sizes.set(activity.roles[r]!, n);
        }
      }
      return {
        sizes,
        unionSize: (names) => {
          const wanted = indexes(names, roleIndex);
          return d === undefined ? 0 : distinct((dd, r) => dd === d && wanted.has(r));
        },
      };
    },
  };
}

/** A row's department and role, for breaking ties the same way every time. */
const rowName = (activity: InstallActivity, row: number) => `${activity.departments[activity.rowDepartment[row]!]}\u0000${activity.roles[activity.rowRole[row]!]}`;
