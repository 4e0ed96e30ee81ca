import type { ValidationFigures } from '../schemas/validation';
import { addDays, weekStart } from './local-day';

/** A period of company-local days, inclusive. */
export type DayRange = { from: string; to: string };

/** The validation line's three periods, as of company-local `day`. */
export type ValidationPeriods = { thisWeek: DayRange; lastWeek: DayRange; thisMonth: DayRange };

/** What the line of one department is worked out from (counted by the server from its roll-ups). */
export type ValidationInput = {
  department: string;
  day: string;
  generatedAt: string;
  periods: ValidationPeriods;
  /** Distinct installs active in the department in each period (countActiveInstalls). */
  installs: { thisWeek: number; lastWeek: number; thisMonth: number };
  /** "I did this" (action_taken) from the department in the two weeks. */
  actions: { thisWeek: number; lastWeek: number };
  /** Thanks the department received this month (once per story, department and install). */
  thanks: { thisMonth: number };
};

/**
 * The periods of the validation line on company-local `day`: this week
 * (Monday to `day`), the whole of last week (Monday to Sunday before) and
 * this month (the 1st to `day`).
 */
export function validationPeriods(day: string): ValidationPeriods {
  const monday = weekStart(day);
  return {
    thisWeek: { from: monday, to: day },
    lastWeek: { from: addDays(monday, -7), to: addDays(monday, -1) },
    thisMonth: { from: `${day.slice(0, 8)}01`, to: day },
  };
}

/**
 * The figures of one department's validation line under the small-group
 * rule: each figure is said only when the department had at least
 * `minGroupSize` active installs over that figure's own period, else null
 * (the new tab then says nothing of it). Only totals of the department
 * itself: no person, no other department, no ranking.
 */
export function planValidation(input: ValidationInput, minGroupSize: number): ValidationFigures {
  const { department, day, generatedAt, periods, installs, actions, thanks } = input;
  const shown = (period: keyof ValidationPeriods) => installs[period] >= minGroupSize;
  return {
    department,
    day,
    thisWeek: shown('thisWeek') ? { from: periods.thisWeek.from, actions: actions.thisWeek } : null,
    lastWeek: shown('lastWeek') ? { from: periods.lastWeek.from, actions: actions.lastWeek } : null,
    thisMonth: shown('thisMonth') ? { from: periods.thisMonth.from, thanks: thanks.thisMonth } : null,
    generatedAt,
  };
}
