import type { StatsInput } from '@customer-chair/shared/domain/build-stats';
import { addDays } from '@customer-chair/shared/domain/local-day';
import { weekInstallGroups } from '@customer-chair/shared/domain/week-install-groups';
import type { Database } from 'better-sqlite3';
import { cachedInstallActivity } from '../caches/activity-cache';
import { cachedDailyCounts } from '../caches/daily-counts-cache';

/**
 * Reads, week by week, everything the stats answer needs from the roll-up
 * tables only (never the raw events), as held in memory, in one read
 * transaction so that, should either be read again, both read the same
 * commit. `weeks` are the Mondays of the whole weeks covered (statsWeeks).
 */
export function getStatsInput(
  db: Database,
  request: { requested: { from: string; to: string }; weeks: readonly string[] },
  options: { timezone: string; minGroupSize: number },
): StatsInput {
  return db.transaction((): StatsInput => {
    const counts = cachedDailyCounts(db);
    const activity = cachedInstallActivity(db);
    return {
      requested: request.requested,
      ...options,
      weeks: request.weeks.map((week) => {
        const groups = weekInstallGroups(activity, week);
        return {
          week,
          installs: groups.installs,
          departments: groups.departments,
          roles: groups.within,
          counts: counts.sum({ from: week, to: addDays(week, 6) }),
        };
      }),
    };
  })();
}
