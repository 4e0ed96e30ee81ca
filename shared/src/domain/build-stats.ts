import { OTHER_ROLE } from '../schemas/role';
import type { Counters, DepartmentStats, OtherStats, Stats, WeeklyStats } from '../schemas/stats';
import type { UsageEventType as EventType } from '../schemas/usage-event';
import { addDays } from './local-day';
import { planDisclosure, withCountedGroups, type DisclosureBucket, type DisclosurePlan } from './plan-disclosure';

/** Event counts for one department and role (in one week). */
export type CountCell = { department: string; role: string; type: EventType; count: number };

/** What the roll-ups hold for one whole week. */
export type WeekFigures = {
  /** The week's Monday. */
  week: string;
  /** Distinct installs active in the whole company that week. */
  installs: number;
  /** Distinct installs per department, and across any set of departments. */
  departments: DisclosureBucket;
  /** One department's distinct installs per role, and across any set of its roles. */
  roles: (department: string) => DisclosureBucket;
  counts: CountCell[];
};

/** Everything the stats answer is made of: one entry per whole, finished week covered. */
export type StatsInput = {
  requested: { from: string; to: string };
  timezone: string;
  minGroupSize: number;
  weeks: WeekFigures[];
};

/** Which groups each answer may name: the company's departments, and the roles inside each named one. */
export type StatsPlan = {
  departments: DisclosurePlan;
  /** The weeks whose figures are shown (not withheld). */
  kept: WeekFigures[];
  /** Per named department, its roles over the kept weeks. */
  roles: Map<string, DisclosurePlan>;
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

const EVENT_COUNTERS = Object.values(COUNTER_OF);

export const emptyCounters = (activeInstalls = 0): Counters => ({
  activeInstalls,
  storyViews: 0,
  promptsShown: 0,
  promptsInserted: 0,
  storiesInserted: 0,
  storiesShared: 0,
  actionsTaken: 0,
});

/** An average of weekly install counts, to one decimal. */
export const weeklyAverage = (sum: number, weeks: number): number => (weeks === 0 ? 0 : Math.round((sum / weeks) * 10) / 10);

/**
 * Applies the disclosure rule (plan-disclosure) to the weeks: which
 * departments may be named over them, which weeks are withheld, and which
 * roles may be named inside each named department. Every output (stats,
 * CSV, dashboard overview, department view) starts from this.
 */
export function planStats(input: StatsInput): StatsPlan {
  const departments = planDisclosure(
    input.weeks.map((w) => withCountedGroups(w.departments, w.counts.map((c) => c.department))),
    input.minGroupSize,
  );
  const kept = input.weeks.filter((_, i) => !departments.buckets[i]!.withheld);
  const roles = new Map<string, DisclosurePlan>();
  for (const department of departments.named) {
    // A role named "other" would read as the folded roles: it is always folded.
    const buckets = kept.map((w) =>
      alwaysFoldOtherRole(withCountedGroups(w.roles(department), w.counts.filter((c) => c.department === department).map((c) => c.role)), input.minGroupSize),
    );
    roles.set(department, planDisclosure(buckets, input.minGroupSize, { withheld: 'fold' }));
  }
  return { departments, kept, roles };
}

/**
 * The stats answer: the company total, the departments that may be named
 * over the whole range, the rest together as `other` (total minus named,
 * so it adds up), and per week the departments that week's split names.
 */
export function buildStats(input: StatsInput, plan: StatsPlan = planStats(input)): Stats {
  const { minGroupSize } = input;
  const { kept } = plan;
  // Averages are over the weeks anyone was active in: weeks before a roll-out began do not water them down.
  const activeWeeks = kept.filter((w) => w.installs > 0).length;

  const total = emptyCounters(weeklyAverage(sum(kept, (w) => w.installs), activeWeeks));
  const byDepartment = new Map<string, DepartmentStats>();
  for (const department of plan.departments.named) {
    const installs = sum(kept, (w) => w.departments.sizes.get(department) ?? 0);
    byDepartment.set(department, { department, ...emptyCounters(weeklyAverage(installs, activeWeeks)), actionsByRole: {} });
  }
  for (const week of kept) {
    for (const cell of week.counts) {
      const counter = COUNTER_OF[cell.type];
      total[counter] += cell.count;
      const row = byDepartment.get(cell.department);
      if (!row) continue;
      row[counter] += cell.count;
      if (cell.type === 'action_taken') {
        const role = plan.roles.get(cell.department)!.named.includes(cell.role) ? cell.role : OTHER_ROLE;
        row.actionsByRole[role] = (row.actionsByRole[role] ?? 0) + cell.count;
      }
    }
  }

  let other: OtherStats | null = null;
  if (plan.departments.folded.length > 0) {
    const foldedInstalls = sum(kept, (w) => w.departments.unionSize(plan.departments.folded.filter((d) => (w.departments.sizes.get(d) ?? 0) > 0)));
    other = { ...emptyCounters(weeklyAverage(foldedInstalls, activeWeeks)), departments: plan.departments.folded.length };
    for (const counter of EVENT_COUNTERS) {
      other[counter] = total[counter] - [...byDepartment.values()].reduce((n, row) => n + row[counter], 0);
    }
  }

  const weeks = input.weeks.map((w) => w.week);
  return {
    requested: input.requested,
    from: weeks[0] ?? input.requested.from,
    to: weeks.length ? addDays(weeks[weeks.length - 1]!, 6) : input.requested.to,
    weeks: weeks.length,
    withheldWeeks: input.weeks.filter((_, i) => plan.departments.buckets[i]!.withheld).map((w) => w.week),
    timezone: input.timezone,
    minGroupSize,
    total,
    departments: [...byDepartment.values()].sort((a, b) => a.department.localeCompare(b.department)),
    other,
    weekly: buildWeekly(input.weeks, plan),
  };
}

/** Per week, as that week's own split shows it: its named departments, and its folded ones together. */
function buildWeekly(weeks: WeekFigures[], plan: StatsPlan): WeeklyStats[] {
  const rows: WeeklyStats[] = [];
  weeks.forEach((week, i) => {
    const split = plan.departments.buckets[i]!;
    if (split.withheld) return;
    const shown = new Map<string, WeeklyStats>();
    for (const department of [...split.named].sort((a, b) => a.localeCompare(b))) {
      shown.set(department, { week: week.week, department, ...emptyCounters(week.departments.sizes.get(department) ?? 0) });
    }
    const other = split.folded.length ? { week: week.week, department: null, ...emptyCounters(week.departments.unionSize(split.folded)) } : undefined;
    for (const cell of week.counts) {
      const row = shown.get(cell.department) ?? other;
      if (row) row[COUNTER_OF[cell.type]] += cell.count;
    }
    rows.push(...shown.values());
    if (other) rows.push(other);
  });
  return rows;
}

/** Events may carry the role id "other" (no role may be given it): it is counted as folded, whatever its size. */
function alwaysFoldOtherRole(bucket: DisclosureBucket, minGroupSize: number): DisclosureBucket {
  const size = bucket.sizes.get(OTHER_ROLE);
  if (size === undefined || size < minGroupSize) return bucket;
  const sizes = new Map(bucket.sizes);
  sizes.set(OTHER_ROLE, minGroupSize - 1);
  return { sizes, unionSize: bucket.unionSize };
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += of(item);
  return total;
}
