import type { InstallActivity } from './install-activity';

/**
 * Distinct installs active in each department from `from` to `to` (days,
 * inclusive): an install with any day marked in a department then counts
 * once for it, whatever its roles there, and once for every department it
 * was active in (unlike the stats' week groups, which count an install that
 * moved in one department only). Departments with none are left out.
 */
export function countActiveInstalls(activity: InstallActivity, from: string, to: string): Map<string, number> {
  return activeInstallsByDepartment(activity, tallyActiveInstalls(activity, from, to));
}

/**
 * countActiveInstalls as it was worked out, so that it can be brought up to
 * date row by row (updateActiveInstalls) rather than counted again.
 */
export type ActiveInstallsTally = {
  from: string;
  to: string;
  /** The activity's change number it is as of (InstallActivity.changeNumber). */
  change: number;
  /** Per row, 1 when it had a day marked in the period. */
  active: Uint8Array;
  /** Per department (its index in the activity), its active installs. */
  counts: number[];
};

/** countActiveInstalls, a pass over every row, keeping what it saw. */
export function tallyActiveInstalls(activity: InstallActivity, from: string, to: string): ActiveInstallsTally {
  const active = activity.activeRows(from, to);
  const { rowDepartment, rowMoved, movedInstalls } = activity;
  const counts = new Array<number>(activity.departments.length).fill(0);
  for (let row = 0; row < active.length; row++) {
    if (active[row] === 1 && rowMoved[row] === 0) counts[rowDepartment[row]!]!++;
  }
  // An install with several rows (roles, or departments) counts once per department it was active in.
  for (const rows of movedInstalls) {
    const departments = new Set<number>();
    for (const row of rows) if (active[row] === 1) departments.add(rowDepartment[row]!);
    for (const department of departments) counts[department]!++;
  }
  return { from, to, change: activity.changeNumber, active, counts };
}

/**
 * Brings `tally` (changed in place) up to date with `activity`: when no day
 * of its period changed since, it only notes so; else it looks again at the
 * installs of the rows changed since (InstallActivity.changedRowsSince),
 * each install counting once per department it is active in, as
 * countActiveInstalls does. A pass over every row again only when those
 * changes are no longer all remembered, or are many (over a thousand and
 * a sixteenth of the rows). Answers whether any count changed.
 */
export function updateActiveInstalls(activity: InstallActivity, tally: ActiveInstallsTally): boolean {
  if (tally.change === activity.changeNumber) return false;
  const { from, to } = tally;
  const rows = activity.lastChange(from, to) <= tally.change ? [] : activity.changedRowsSince(tally.change);
  if (rows === undefined || rows.length > Math.max(1_000, activity.rowCount / 16)) {
    const again = tallyActiveInstalls(activity, from, to);
    const changed = again.counts.length !== tally.counts.length || again.counts.some((count, i) => count !== tally.counts[i]);
    Object.assign(tally, again);
    return changed;
  }
  tally.change = activity.changeNumber;
  if (rows.length === 0) return false;
  if (tally.active.length < activity.rowCount) {
    const larger = new Uint8Array(Math.max(activity.rowCount, tally.active.length * 2));
    larger.set(tally.active);
    tally.active = larger;
  }
  while (tally.counts.length < activity.departments.length) tally.counts.push(0);
  const { active, counts } = tally;
  const { rowDepartment } = activity;
  let changed = false;
  for (const row of rows) {
    const install = activity.installRowsOf(row);
    const before = new Set<number>();
    const after = new Set<number>();
    for (const r of install) {
      if (active[r] === 1) before.add(rowDepartment[r]!);
      active[r] = activity.rowActive(r, from, to) ? 1 : 0;
      if (active[r] === 1) after.add(rowDepartment[r]!);
    }
    for (const department of before) {
      if (!after.has(department)) {
        counts[department]!--;
        changed = true;
      }
    }
    for (const department of after) {
      if (!before.has(department)) {
        counts[department]!++;
        changed = true;
      }
    }
  }
  return changed;
}

/** A tally's counts by department name (departments with none left out). */
export function activeInstallsByDepartment(activity: InstallActivity, tally: ActiveInstallsTally): Map<string, number> {
  const out = new Map<string, number>();
  tally.counts.forEach((count, i) => {
    if (count > 0) out.set(activity.departments[i]!, count);
  });
  return out;
}
