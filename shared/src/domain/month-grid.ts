import { addDays, weekStart } from './local-day';

export type MonthCell = { day: string; inMonth: boolean };

/**
 * The weeks (Monday to Sunday) a calendar shows for `month` ("YYYY-MM"):
 * whole weeks, so the first and last may hold days of the months around it.
 */
export function monthGrid(month: string): MonthCell[][] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`"${month}" is not a month (YYYY-MM)`);
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  const weeks: MonthCell[][] = [];
  for (let monday = weekStart(first); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((day) => ({ day, inMonth: day.startsWith(month) })));
  }
  return weeks;
}

/** `month` ("YYYY-MM") moved by `months` (negative goes back). */
export function addMonths(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
