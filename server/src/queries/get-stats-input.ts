import type { CountCell, StatsInput, WeeklyCountCell } from '@customer-chair/shared/domain/build-stats';
import { countActiveInstalls, countWeeklyInstalls } from '@customer-chair/shared/domain/count-active-installs';
import { weekStart } from '@customer-chair/shared/domain/local-day';
import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';
import { cachedInstallActivity } from '../db/activity-cache';

/**
 * Reads everything the stats answer needs from the roll-up tables only
 * (never the raw events), in one read transaction so the figures agree.
 * Weekly rows cover the whole weeks (Monday to Sunday) that the range touches.
 */
export function getStatsInput(
  db: Database,
  range: { from: string; to: string },
  options: { timezone: string; minGroupSize: number },
): StatsInput {
  return db.transaction((): StatsInput => {
    const counts = statement(
      db,
      'SELECT department, role, type, SUM(count) AS count FROM daily_counts WHERE day BETWEEN @from AND @to GROUP BY department, role, type',
    ).all(range) as CountCell[];
    const weeks = { from: weekStart(range.from), to: weekStart(range.to) };
    const weeklyCounts = statement(
      db,
      'SELECT week, department, type, SUM(count) AS count FROM daily_counts WHERE week BETWEEN @from AND @to GROUP BY week, department, type',
    ).all(weeks) as WeeklyCountCell[];
    const activity = cachedInstallActivity(db);
    return {
      ...range,
      ...options,
      counts,
      ...countActiveInstalls(activity, range, options.minGroupSize),
      weeklyCounts,
      ...countWeeklyInstalls(activity, range, options.minGroupSize),
    };
  })();
}
