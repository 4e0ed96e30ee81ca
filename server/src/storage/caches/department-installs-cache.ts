import { countActiveInstalls } from '@customer-chair/shared/domain/count-active-installs';
import type { InstallActivity } from '@customer-chair/shared/domain/install-activity';

type Remembered = { change: number; counts: ReadonlyMap<string, number> };

/** Periods kept per activity held: the validation line's three and the voice inbox's 28 days, with room to spare. */
const KEPT = 16;

/** Per activity held (stats-caches), the periods counted last, the most recently used last. */
const remembered = new WeakMap<InstallActivity, Map<string, Remembered>>();

/**
 * countActiveInstalls of the install activity the stats caches hold,
 * remembered per period until a day of it is marked on any row
 * (InstallActivity.lastChange): every extension asks for its department's
 * validation line, and each count is a pass over every row, so a period is
 * counted once for all departments and all requests until its days change.
 * Callers must not change the map answered.
 */
export function heldDepartmentInstalls(activity: InstallActivity, from: string, to: string): ReadonlyMap<string, number> {
  let periods = remembered.get(activity);
  if (!periods) remembered.set(activity, (periods = new Map()));
  const key = `${from}/${to}`;
  const change = activity.lastChange(from, to);
  const held = periods.get(key);
  periods.delete(key);
  const counts = held !== undefined && held.change === change ? held.counts : countActiveInstalls(activity, from, to);
  periods.set(key, { change, counts });
  if (periods.size > KEPT) periods.delete(periods.keys().next().value!);
  return counts;
}
