import { addDays, weekStart } from '@customer-chair/shared/domain/local-day';
import type { Department } from '@customer-chair/shared/schemas/department';
import type { WeeklyStats } from '@customer-chair/shared/schemas/stats';

export const OTHER = 'Other (small groups)';

function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let week = weekStart(from); week <= to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

/**
 * The chart's figures: every week of the period, one series per department
 * (by name), Other last. A week without a department's figure is null, never
 * 0: that week it was not shown on its own (folded into Other under the
 * small-group rule, or the whole company was withheld), which is not the
 * same as nobody; the line has a gap there and the table a dash.
 */
export function chartFigures(weekly: WeeklyStats[], field: 'activeInstalls' | 'actionsTaken', names: Map<string, Department>, from: string, to: string) {
  const weeks = weeksBetween(from, to);
  const label = (s: string) => (s === OTHER ? OTHER : names.get(s)?.name ?? s);
  const departments = [...new Set(weekly.flatMap((w) => (w.department === null ? [] : [w.department])))].sort((a, b) => label(a).localeCompare(label(b)));
  const series = weekly.some((w) => w.department === null) ? [...departments, OTHER] : departments;
  const value = new Map(weekly.map((w) => [`${w.week}|${w.department ?? OTHER}`, w[field]]));
  return { weeks, series, label, values: series.map((s) => weeks.map((w) => value.get(`${w}|${s}`) ?? null)) };
}
