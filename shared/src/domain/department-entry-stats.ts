import type { RoundStats } from '../schemas/judging';
import { planBucket } from './plan-disclosure';

/** One department's entries in a round, and how many of them were recognized. */
export type DepartmentEntries = { department: string; entries: number; winners: number };

/**
 * A round's entries and winners per department, under the disclosure rule
 * of usage (plan-disclosure.ts), with entries as the group's size: a
 * department with fewer than `minGroupSize` entries is shown only inside
 * "other" (and the smallest named ones join it until "other" holds at least
 * `minGroupSize` entries from at least two departments); when even every
 * entry together is too few, no figure is shown at all. Departments come in
 * the order of their names, never ranked. Winners stay null until
 * `showWinners` (the round is announced).
 */
export function departmentEntryStats(
  counts: readonly DepartmentEntries[],
  names: ReadonlyMap<string, string>,
  minGroupSize: number,
  showWinners: boolean,
): Pick<RoundStats, 'withheld' | 'total' | 'departments' | 'other'> {
  const byDepartment = new Map(counts.filter((row) => row.entries > 0).map((row) => [row.department, row]));
  const sizes = new Map([...byDepartment].map(([department, row]) => [department, row.entries]));
  const plan = planBucket({ sizes, unionSize: (groups) => groups.reduce((sum, group) => sum + (sizes.get(group) ?? 0), 0) }, minGroupSize);
  if (plan.withheld) return { withheld: true, total: null, departments: [], other: null };
  const sum = (rows: DepartmentEntries[]) => ({
    entries: rows.reduce((n, row) => n + row.entries, 0),
    winners: showWinners ? rows.reduce((n, row) => n + row.winners, 0) : null,
  });
  const name = (department: string) => names.get(department) ?? department;
  const departments = plan.named
    .map((department) => ({ department, name: name(department), ...sum([byDepartment.get(department)!]) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.department < b.department ? -1 : 1));
  const folded = plan.folded.map((department) => byDepartment.get(department)!);
  return {
    withheld: false,
    total: sum([...byDepartment.values()]),
    departments,
    other: folded.length ? { departments: folded.length, ...sum(folded) } : null,
  };
}
