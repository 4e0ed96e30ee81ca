import type { ListeningCounters, ListeningStats } from '../schemas/listening-stats';
import type { VoiceKind } from '../schemas/voice';
import type { StatsInput, StatsPlan } from './build-stats';
import { addDays, weekStart } from './local-day';

/** Thanks a credited department received on a company-local day. */
export type ThanksCell = { department: string; day: string; count: number };
/** Voice messages of one kind a department sent on a company-local day. */
export type VoiceCell = { department: string; day: string; kind: VoiceKind; count: number };

const COUNTER_OF_KIND = { customer_said: 'customerSaid', idea: 'ideas', lesson: 'lessons' } as const satisfies Record<VoiceKind, keyof ListeningCounters>;
const COUNTERS = ['thanksReceived', 'customerSaid', 'ideas', 'lessons'] as const satisfies readonly (keyof ListeningCounters)[];

export const emptyListeningCounters = (): ListeningCounters => ({ thanksReceived: 0, customerSaid: 0, ideas: 0, lessons: 0 });

/**
 * The listening side of the stats (thanks received, voice messages by
 * kind) over the same whole, finished weeks and under the same plan as the
 * adoption stats (`planStats` of the same input): only the weeks kept are
 * counted, only the departments the plan names are shown by name, and
 * everything else together is `other` (total minus the named, so it adds
 * up). A department with thanks or messages but not in the plan (no
 * install was active there) is never named either: it is counted in
 * `other`, among its departments. `other` is null when nothing is folded.
 */
export function buildListeningStats(input: StatsInput, plan: StatsPlan, cells: { thanks: readonly ThanksCell[]; voice: readonly VoiceCell[] }): ListeningStats {
  const kept = new Set(plan.kept.map((w) => w.week));
  const total = emptyListeningCounters();
  const named = new Map(plan.departments.named.map((department) => [department, emptyListeningCounters()]));
  const unplanned = new Set<string>();
  const add = (department: string, day: string, counter: keyof ListeningCounters, count: number) => {
    if (!kept.has(weekStart(day)) || count <= 0) return;
    total[counter] += count;
    const row = named.get(department);
    if (row) row[counter] += count;
    else if (!plan.departments.folded.includes(department)) unplanned.add(department);
  };
  for (const cell of cells.thanks) add(cell.department, cell.day, 'thanksReceived', cell.count);
  for (const cell of cells.voice) add(cell.department, cell.day, COUNTER_OF_KIND[cell.kind], cell.count);

  let other: ListeningStats['other'] = null;
  const folded = plan.departments.folded.length + unplanned.size;
  if (folded > 0) {
    const rest = emptyListeningCounters();
    for (const counter of COUNTERS) rest[counter] = total[counter] - [...named.values()].reduce((n, row) => n + row[counter], 0);
    other = { ...rest, departments: folded };
  }

  const weeks = input.weeks.map((w) => w.week);
  return {
    from: weeks[0] ?? input.requested.from,
    to: weeks.length ? addDays(weeks[weeks.length - 1]!, 6) : input.requested.to,
    weeks: weeks.length,
    minGroupSize: input.minGroupSize,
    total,
    departments: [...named].sort(([a], [b]) => a.localeCompare(b)).map(([department, row]) => ({ department, ...row })),
    other,
  };
}
