import { MAX_DAY, MIN_DAY } from '../schemas/day-window';
import { addDays, weekStart } from './local-day';

/** At most this many weeks in one answer: a 400-day range touches 59. */
export const MAX_STATS_WEEKS = 60;

/**
 * The weeks (their Mondays) an answer for `range` is made of: the whole
 * weeks the range touches that have finished before `today`. Figures come
 * only from these fixed buckets, so that no two answers differ by a day or
 * by an unfinished week's latest activity. Weeks reaching outside the
 * days the API accepts (2000–2100) are left out, so the answer's own days
 * are always valid.
 */
export function statsWeeks(range: { from: string; to: string }, today: string): string[] {
  const weeks: string[] = [];
  const last = weekStart(range.to);
  for (let week = weekStart(range.from); week <= last && weeks.length < MAX_STATS_WEEKS; week = addDays(week, 7)) {
    if (addDays(week, 6) < today && week >= MIN_DAY && addDays(week, 6) <= MAX_DAY) weeks.push(week);
  }
  return weeks;
}
