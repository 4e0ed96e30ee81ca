import type { DisclosureBucket } from './plan-disclosure';
import type { InstallActivity } from './install-activity';
import { addDays } from './local-day';

/** One week's distinct installs, grouped the two ways the disclosure rule splits them. */
export type WeekInstallGroups = {
  /** Distinct installs active anywhere that week. */
  installs: number;
  /** Per department (the first part of each activity row). */
  departments: DisclosureBucket;
  /** Per second part (role, or surface/action cell) inside one department. */
  within: (department: string) => DisclosureBucket;
};

/**
 * Distinct installs active in the week starting on Monday `week`, counted
 * from `activity` (rows of install × department × role, or × cell): in
 * total, per department, per role within a department, and across any set
 * of them, an install with several rows counting once.
 */
export function weekInstallGroups(activity: InstallActivity, week: string): WeekInstallGroups {
  const active = activity.activeRows(week, addDays(week, 6));
  const { rowDepartment, rowRole, rowMoved, movedInstalls } = activity;
  const roleCount = activity.roles.length;

  /** Distinct installs with an active row that `keep` accepts. */
  const distinct = (keep: (department: number, role: number) => boolean): number => {
    let n = 0;
    for (let row = 0; row < active.length; row++) {
      if (active[row] === 1 && rowMoved[row] === 0 && keep(rowDepartment[row]!, rowRole[row]!)) n++;
    }
    for (const rows of movedInstalls) {
      if (rows.some((row) => active[row] === 1 && keep(rowDepartment[row]!, rowRole[row]!))) n++;
    }
    return n;
  };

  // Per department and per department × role in one pass; installs with several rows counted once per cell.
  const byDepartment = new Int32Array(activity.departments.length);
  const byRole = new Int32Array(activity.departments.length * roleCount);
  let installs = 0;
  for (let row = 0; row < active.length; row++) {
    if (active[row] === 0 || rowMoved[row] === 1) continue;
    byDepartment[rowDepartment[row]!]!++;
    byRole[rowDepartment[row]! * roleCount + rowRole[row]!]!++;
    installs++;
  }
  for (const rows of movedInstalls) {
    const departments = new Set<number>();
    const cells = new Set<number>();
    for (const row of rows) {
      if (active[row] === 0) continue;
      departments.add(rowDepartment[row]!);
      cells.add(rowDepartment[row]! * roleCount + rowRole[row]!);
    }
    for (const d of departments) byDepartment[d]!++;
    for (const cell of cells) byRole[cell]!++;
    if (departments.size > 0) installs++;
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
        activity.roles.forEach((name, r) => {
          const n = byRole[d * roleCount + r]!;
          if (n > 0) sizes.set(name, n);
        });
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
