import { OTHER_ROLE } from '../schemas/role';
import type { Counters, DepartmentStats, OtherStats, Stats, WeeklyStats } from '../schemas/stats';
import type { EventType } from '../schemas/usage-event';
import { suppressSmallGroups } from './suppress-small-groups';

/** Event counts for one department and role over the whole range. */
export type CountCell = { department: string; role: string; type: EventType; count: number };
/** Event counts for one department in one week. */
export type WeeklyCountCell = { week: string; department: string; type: EventType; count: number };
export type InstallCount = { department: string; installs: number };
export type RoleInstallCount = { department: string; role: string; installs: number };
export type WeeklyInstallCount = { week: string; department: string; installs: number };

/** What the roll-ups hold for a range; distinct install counts cannot be summed, so they come counted. */
export type StatsInput = {
  from: string;
  to: string;
  timezone: string;
  minGroupSize: number;
  counts: CountCell[];
  departmentInstalls: InstallCount[];
  roleInstalls: RoleInstallCount[];
  totalInstalls: number;
  /** Distinct installs across the departments `departmentsToFold` names… */
  otherInstalls: number;
  /** …and per role across them. */
  otherRoleInstalls: { role: string; installs: number }[];
  weeklyCounts: WeeklyCountCell[];
  weeklyInstalls: WeeklyInstallCount[];
  /** Distinct installs across each week's folded departments. */
  weeklyOtherInstalls: { week: string; installs: number }[];
};

/** Which counter each event type adds to. */
export const COUNTER_OF = {
  story_viewed: 'storyViews',
  prompt_shown: 'promptsShown',
  prompt_inserted: 'promptsInserted',
  story_inserted: 'storiesInserted',
  story_shared: 'storiesShared',
  action_taken: 'actionsTaken',
} as const satisfies Record<EventType, keyof Counters>;

export const emptyCounters = (activeInstalls = 0): Counters => ({
  activeInstalls,
  storyViews: 0,
  promptsShown: 0,
  promptsInserted: 0,
  storiesInserted: 0,
  storiesShared: 0,
  actionsTaken: 0,
});

/** Departments that have too few active installs in the range to be named. */
export function departmentsToFold(departmentInstalls: InstallCount[], minGroupSize: number): string[] {
  return suppressSmallGroups(departmentInstalls, minGroupSize, (d) => d.installs).folded.map((d) => d.department);
}

/** Per week, the departments too small to be named that week, as "week|department" keys. */
export function weeklyDepartmentsToFold(weeklyInstalls: WeeklyInstallCount[], minGroupSize: number): string[] {
  return suppressSmallGroups(weeklyInstalls, minGroupSize, (w) => w.installs).folded.map(
    (w) => `${w.week}|${w.department}`,
  );
}

/**
 * Turns roll-up figures into the stats answer, applying the privacy rule:
 * a department with fewer than `minGroupSize` active installs is never named
 * (its figures go to `other`), and within a department a role with fewer
 * installs than that goes into the "other" role.
 */
export function buildStats(input: StatsInput): Stats {
  const { minGroupSize } = input;
  const folded = new Set(departmentsToFold(input.departmentInstalls, minGroupSize));

  const total = emptyCounters(input.totalInstalls);
  const byDepartment = new Map<string, DepartmentStats>();
  for (const { department, installs } of input.departmentInstalls) {
    if (!folded.has(department)) byDepartment.set(department, { department, ...emptyCounters(installs), actionsByRole: {} });
  }
  const other: OtherStats | null =
    folded.size > 0 ? { ...emptyCounters(input.otherInstalls), departments: folded.size, actionsByRole: {} } : null;

  const roleInstalls = new Map<string, number>();
  for (const r of input.roleInstalls) if (!folded.has(r.department)) roleInstalls.set(`${r.department}|${r.role}`, r.installs);
  for (const r of input.otherRoleInstalls) roleInstalls.set(`\0|${r.role}`, r.installs);

  for (const cell of input.counts) {
    const counter = COUNTER_OF[cell.type];
    total[counter] += cell.count;
    const isFolded = folded.has(cell.department);
    const target = isFolded ? other : byDepartment.get(cell.department);
    if (!target) continue; // counts without installs cannot happen; stay safe rather than name a group
    target[counter] += cell.count;
    if (cell.type === 'action_taken') {
      const installs = roleInstalls.get(isFolded ? `\0|${cell.role}` : `${cell.department}|${cell.role}`) ?? 0;
      const role = installs >= minGroupSize && cell.role !== OTHER_ROLE ? cell.role : OTHER_ROLE;
      target.actionsByRole[role] = (target.actionsByRole[role] ?? 0) + cell.count;
    }
  }

  return {
    from: input.from,
    to: input.to,
    timezone: input.timezone,
    minGroupSize,
    total,
    departments: [...byDepartment.values()].sort((a, b) => a.department.localeCompare(b.department)),
    other,
    weekly: buildWeekly(input),
  };
}

function buildWeekly(input: StatsInput): WeeklyStats[] {
  const folded = new Set(weeklyDepartmentsToFold(input.weeklyInstalls, input.minGroupSize));
  const rows = new Map<string, WeeklyStats>();
  for (const { week, department, installs } of input.weeklyInstalls) {
    if (!folded.has(`${week}|${department}`)) rows.set(`${week}|${department}`, { week, department, ...emptyCounters(installs) });
  }
  for (const { week, installs } of input.weeklyOtherInstalls) {
    if (installs > 0) rows.set(`${week}|\0`, { week, department: null, ...emptyCounters(installs) });
  }
  for (const cell of input.weeklyCounts) {
    const key = folded.has(`${cell.week}|${cell.department}`) ? `${cell.week}|\0` : `${cell.week}|${cell.department}`;
    const row = rows.get(key);
    if (row) row[COUNTER_OF[cell.type]] += cell.count;
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.week.localeCompare(b.week) ||
      (a.department === null ? 1 : b.department === null ? -1 : a.department.localeCompare(b.department)),
  );
}
