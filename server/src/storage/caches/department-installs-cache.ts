import {
  activeInstallsByDepartment,
  tallyActiveInstalls,
  updateActiveInstalls,
  type ActiveInstallsTally,
} from '@customer-chair/shared/domain/count-active-installs';
import type { InstallActivity } from '@customer-chair/shared/domain/install-activity';

type Remembered = { tally: ActiveInstallsTally; counts: ReadonlyMap<string, number> };

/** Periods kept per activity held: the validation line's three and the voice inbox's 28 days, with room to spare. */
const KEPT = 16;

/** Per activity held (stats-caches), the periods counted last, the most recently used last. */
const remembered = new WeakMap<InstallActivity, Map<string, Remembered>>();

/**
 * countActiveInstalls of the install activity the stats caches hold, kept
 * per period and brought up to date, never stale: every extension asks for
 * its department's validation line on every sync, and counting a period is
 * a pass over every row (a few milliseconds at a million installs), while
 * on a working day new installs mark today all the time. So each period is
 * counted once, then only the installs of the rows changed since are looked
 * at again (updateActiveInstalls: a change outside the period costs
 * nothing, one in it a look at that install). The map answered stays the
 * same object while the counts do. Callers must not change it.
 */
export function heldDepartmentInstalls(activity: InstallActivity, from: string, to: string): ReadonlyMap<string, number> {
  let periods = remembered.get(activity);
  if (!periods) remembered.set(activity, (periods = new Map()));
  const key = `${from}/${to}`;
  let held = periods.get(key);
  periods.delete(key);
  if (held === undefined) {
    const tally = tallyActiveInstalls(activity, from, to);
    held = { tally, counts: activeInstallsByDepartment(activity, tally) };
  } else if (updateActiveInstalls(activity, held.tally)) {
    held = { tally: held.tally, counts: activeInstallsByDepartment(activity, held.tally) };
  }
  periods.set(key, held);
  if (periods.size > KEPT) periods.delete(periods.keys().next().value!);
  return held.counts;
}
