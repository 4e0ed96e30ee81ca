import type { InstallActivity } from '@customer-chair/shared/domain/install-activity';
import { addDays } from '@customer-chair/shared/domain/local-day';
import { MAX_STATS_WEEKS } from '@customer-chair/shared/domain/stats-weeks';
import { weekInstallGroups, type WeekInstallGroups } from '@customer-chair/shared/domain/week-install-groups';

type Remembered = { change: number; groups: WeekInstallGroups };

/** Per activity held (stats-caches), the weeks worked out last, the most recently used last. */
const remembered = new WeakMap<InstallActivity, Map<string, Remembered>>();

/**
 * weekInstallGroups of the install activity the stats caches hold,
 * remembered per week until a day of that week is marked on any row
 * (InstallActivity.lastChange). A finished week never changes (an event
 * from it counts on the day it arrives: rollUpEvent), so its distinct
 * installs are counted once, not on every request: at a million installs
 * that count was most of a stats answer (a pass over every row per week).
 * The groups answer from what they saw, so rows added later (a new
 * install, this week) leave them right. At most MAX_STATS_WEEKS weeks are
 * kept per activity (a longest answer's), about a byte per row each.
 */
export function heldWeekInstallGroups(activity: InstallActivity, week: string): WeekInstallGroups {
  let weeks = remembered.get(activity);
  if (!weeks) remembered.set(activity, (weeks = new Map()));
  const change = activity.lastChange(week, addDays(week, 6));
  const held = weeks.get(week);
  weeks.delete(week);
  const groups = held !== undefined && held.change === change ? held.groups : weekInstallGroups(activity, week);
  weeks.set(week, { change, groups });
  if (weeks.size > MAX_STATS_WEEKS) weeks.delete(weeks.keys().next().value!);
  return groups;
}
