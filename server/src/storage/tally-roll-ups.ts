import type { DailyCountRow } from '@customer-chair/shared/domain/daily-counts';
import type { ActivityRow } from '@customer-chair/shared/domain/install-activity';
import type { EventRollUp } from '@customer-chair/shared/domain/roll-up-event';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '@customer-chair/shared/domain/set-day-bit';
import type { UsageEventType as EventType } from '@customer-chair/shared/schemas/usage-event';
import { actionCell, surfaceCell } from './caches/install-cells-cache';

/** Install ids kept per week, department and story (see SQLite's migration 007). */
export const STORY_REACH_KEPT = 20;

/**
 * What a set of new events adds to the roll-ups, summed per row: a batch of
 * 20 events from one install touches each roll-up row once. Every list is
 * sorted by its table's key, so that transactions writing them lock rows in
 * the same order (PostgreSQL: concurrent flushes then wait for each other
 * rather than deadlock). `reach` keeps the order the events came in: the
 * first installs to arrive are the ones kept.
 */
export type RollUpTally = {
  counts: DailyCountRow[];
  surfaces: { day: string; department: string; surface: string; type: EventType; count: number }[];
  items: { day: string; department: string; type: EventType; itemId: string; count: number }[];
  actions: { day: string; department: string; role: string; actionId: string; count: number }[];
  /** install_activity rows (year × install × department × role), with the days marked. */
  activity: ActivityRow[];
  /** install_cells rows: the cell (a surface, or a role's action) in the role's place. */
  cells: ActivityRow[];
  reach: { week: string; department: string; storyId: string; installId: string }[];
  /**
   * `thanks` rows: one per story, credited department and install (the table's key
   * keeps the first; a thanks counts once). A thanks is no usage: it adds to no other
   * roll-up but install activity and the surface used (the install was active).
   */
  thanks: { storyId: string; department: string; installId: string; day: string }[];
};

/** Rows summed per key (the key's parts joined), each kept with its parts. */
class Tally<Row extends { count: number }> {
  private rows = new Map<string, Row>();
  add(key: readonly unknown[], make: () => Omit<Row, 'count'>) {
    const joined = key.join('\u0000');
    const row = this.rows.get(joined);
    if (row) row.count++;
    else this.rows.set(joined, { ...make(), count: 1 } as Row);
  }
  sorted(): Row[] {
    return sortedValues(this.rows);
  }
}

function sortedValues<Row>(rows: Map<string, Row>): Row[] {
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** Sums the roll-ups of new events (each event's cells from rollUpEvent). */
export function tallyRollUps(rollUps: readonly EventRollUp[]): RollUpTally {
  const counts = new Tally<DailyCountRow>();
  const surfaces = new Tally<RollUpTally['surfaces'][number]>();
  const items = new Tally<RollUpTally['items'][number]>();
  const actions = new Tally<RollUpTally['actions'][number]>();
  const reach = new Map<string, RollUpTally['reach'][number]>();
  const activity = new Map<string, ActivityRow>();
  const cells = new Map<string, ActivityRow>();
  const markDay = (rows: Map<string, ActivityRow>, r: EventRollUp, role: string) => {
    const year = Number(r.day.slice(0, 4));
    // The year first, as four digits: the joined keys sort as the table's key does.
    const key = `${year}\u0000${r.installId}\u0000${r.department}\u0000${role}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { year, installId: r.installId, department: r.department, role, days: new Uint8Array(DAY_BITS_BYTES) }));
    setDayBit(row.days, dayOfYear(r.day));
  };
  const thanks = new Map<string, RollUpTally['thanks'][number]>();
  for (const r of rollUps) {
    const { day, week, department, role, type, surface, itemId } = r;
    if (type === 'team_thanked') {
      const key = `${itemId}\u0000${r.thankedDepartment}\u0000${r.installId}`;
      if (!thanks.has(key)) thanks.set(key, { storyId: itemId!, department: r.thankedDepartment!, installId: r.installId, day });
      markDay(cells, r, surfaceCell(surface));
      markDay(activity, r, role);
      continue;
    }
    counts.add([day, department, role, type], () => ({ day, week, department, role, type }));
    surfaces.add([day, department, surface, type], () => ({ day, department, surface, type }));
    if (itemId !== undefined) {
      items.add([day, department, type, itemId], () => ({ day, department, type, itemId }));
      if (type === 'action_taken') {
        actions.add([day, department, role, itemId], () => ({ day, department, role, actionId: itemId }));
        markDay(cells, r, actionCell(role, itemId));
      }
      if (type.startsWith('story_')) reach.set(`${week}\u0000${department}\u0000${itemId}\u0000${r.installId}`, { week, department, storyId: itemId, installId: r.installId });
    }
    markDay(cells, r, surfaceCell(surface));
    markDay(activity, r, role);
  }
  return {
    counts: counts.sorted(),
    surfaces: surfaces.sorted(),
    items: items.sorted(),
    actions: actions.sorted(),
    activity: sortedValues(activity),
    cells: sortedValues(cells),
    reach: [...reach.values()],
    thanks: sortedValues(thanks),
  };
}
