import type { UsageEventType as EventType } from '../schemas/usage-event';
import type { CountCell } from './build-stats';

/** One `daily_counts` row: events of one type from one department and role on one day. */
export type DailyCountRow = { day: string; week: string; department: string; role: string; type: EventType; count: number };

type Cell = { department: string; role: string; type: EventType };

/**
 * The daily event counts, laid out for summing ranges fast: each department,
 * role and type is a numbered cell, and each day an array of counts by cell.
 * There are few cells (departments × roles × types), so summing a month
 * adds a few tens of thousands of numbers, where SQLite grouped and sorted
 * as many rows. Built once from the stored rows and kept up to date with `add`
 * (a batch's increments) or `set` (a row read again).
 */
export class DailyCounts {
  private readonly cells: Cell[] = [];
  private readonly cellIndex = new Map<string, number>();
  private readonly days = new Map<string, { week: string; counts: number[] }>();
  /** Cell numbers by department, role and type, as SQL's GROUP BY gave them; worked out again when cells are added. */
  private sorted: number[] | undefined;

  /** Adds one row's count. */
  add({ day, week, department, role, type, count }: DailyCountRow): void {
    const cell = this.cellOf(department, role, type);
    let entry = this.days.get(day);
    if (!entry) this.days.set(day, (entry = { week, counts: [] }));
    entry.counts[cell] = (entry.counts[cell] ?? 0) + count;
  }

  /** Sets one row's count to the stored one (a row read again replaces what was held). */
  set({ day, week, department, role, type, count }: DailyCountRow): void {
    const cell = this.cellOf(department, role, type);
    let entry = this.days.get(day);
    if (!entry) this.days.set(day, (entry = { week, counts: [] }));
    entry.counts[cell] = count;
  }

  /** Counts per department, role and type over the days from `from` to `to` (inclusive). */
  sum(range: { from: string; to: string }): CountCell[] {
    const totals = new Float64Array(this.cells.length);
    for (const [day, { counts }] of this.days) {
      if (day < range.from || day > range.to) continue;
      for (let cell = 0; cell < counts.length; cell++) totals[cell]! += counts[cell] ?? 0;
    }
    const out: CountCell[] = [];
    for (const cell of this.sortedCells()) {
      if (totals[cell]! > 0) {
        const { department, role, type } = this.cells[cell]!;
        out.push({ department, role, type, count: totals[cell]! });
      }
    }
    return out;
  }

  private cellOf(department: string, role: string, type: EventType): number {
    const key = `${department}\u0000${role}\u0000${type}`;
    let cell = this.cellIndex.get(key);
    if (cell === undefined) {
      cell = this.cells.length;
      this.cells.push({ department, role, type });
      this.cellIndex.set(key, cell);
      this.sorted = undefined;
    }
    return cell;
  }

  private sortedCells(): number[] {
    const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    this.sorted ??= this.cells
      .map((_, i) => i)
      .sort((a, b) => {
        const x = this.cells[a]!;
        const y = this.cells[b]!;
        return byName(x.department, y.department) || byName(x.role, y.role) || byName(x.type, y.type);
      });
    return this.sorted;
  }
}

/** A `DailyCounts` holding `rows`. */
export function dailyCounts(rows: Iterable<DailyCountRow> = []): DailyCounts {
  const counts = new DailyCounts();
  for (const row of rows) counts.add(row);
  return counts;
}
