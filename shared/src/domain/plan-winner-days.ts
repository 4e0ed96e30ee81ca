import { addDays } from './local-day';

/**
 * The days the winners' stories are scheduled on, one story a day in the
 * order given: from `from` (the announcement day) on, each on the next day
 * that nothing is scheduled on yet. Days a CX lead already filled keep
 * their story: a winner moves to the next free day rather than displacing
 * it. A story gets null when no free day is left within `horizonDays` of
 * `from`; it still joins the rotation from its publishOn.
 */
export function planWinnerDays(count: number, from: string, taken: ReadonlySet<string>, horizonDays = 366): (string | null)[] {
  const days: (string | null)[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    while (offset < horizonDays && taken.has(addDays(from, offset))) offset++;
    days.push(offset < horizonDays ? addDays(from, offset++) : null);
  }
  return days;
}
