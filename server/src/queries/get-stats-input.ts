import type { StatsInput } from '@customer-chair/shared/domain/build-stats';
import { countActiveInstalls, countWeeklyInstalls } from '@customer-chair/shared/domain/count-active-installs';
import { weekStart } from '@customer-chair/shared/domain/local-day';
import type { Database } from 'better-sqlite3';
import { cachedInstallActivity } from '../db/activity-cache';
import { cachedDailyCounts } from '../db/daily-counts-cache';

/**
 * Reads everything the stats answer needs from the roll-up tables only
 * (never the raw events), as held in memory, in one read transaction so
 * that, should either be read again, both read the same commit.
 * Weekly rows cover the whole weeks (Monday to Sunday) that the range touches.
 */
export function getStatsInput(
  db: Database,
  range: { from: string; to: string },
  options: { timezone: string; minGroupSize: number },
): StatsInput {
  return db.transaction((): StatsInput => {
    const counts = cachedDailyCounts(db);
    const activity = cachedInstallActivity(db);
    return {
      ...range,
      ...options,
      counts: counts.sum(range),
      ...countActiveInstalls(activity, range, options.minGroupSize),
      weeklyCounts: counts.sumByWeek({ from: weekStart(range.from), to: weekStart(range.to) }),
      ...countWeeklyInstalls(activity, range, options.minGroupSize),
    };
  })();
}
