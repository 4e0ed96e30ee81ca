import type { StatsInput } from '@customer-chair/shared/domain/build-stats';
import { addDays } from '@customer-chair/shared/domain/local-day';
import { statsCaches } from '../caches/stats-caches';
import { heldWeekInstallGroups } from '../caches/week-groups-cache';
import type { Storage } from '../storage';

/**
 * Reads, week by week, everything the stats answer needs from the roll-up
 * tables only (never the raw events), as held in memory (stats-caches:
 * current on SQLite, at most a second stale on PostgreSQL), the counts and
 * the activity as of the same commit; each week's distinct installs are
 * counted once for as long as its days do not change (week-groups-cache).
 * `weeks` are the Mondays of the whole weeks covered (statsWeeks).
 */
export async function getStatsInput(
  storage: Storage,
  request: { requested: { from: string; to: string }; weeks: readonly string[] },
  options: { timezone: string; minGroupSize: number },
): Promise<StatsInput> {
  return statsCaches.read(storage, ({ dailyCounts, installActivity }): StatsInput => ({
    requested: request.requested,
    ...options,
    weeks: request.weeks.map((week) => {
      const groups = heldWeekInstallGroups(installActivity, week);
      return {
        week,
        installs: groups.installs,
        departments: groups.departments,
        roles: groups.within,
        counts: dailyCounts.sum({ from: week, to: addDays(week, 6) }),
      };
    }),
  }));
}
