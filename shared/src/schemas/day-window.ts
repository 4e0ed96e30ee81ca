/**
 * The days the server and the dashboard accept, years 2000–2100: wide enough
 * for any real report or schedule, narrow enough that no request can ask for
 * centuries of weeks. Plain constants (no zod) so the dashboard can use them.
 */
export const MIN_DAY = '2000-01-01';
export const MAX_DAY = '2100-12-31';

/** Why a YYYY-MM-DD day is refused, shared by the API's 400s and the dashboard's form. */
export const DAY_WINDOW_MESSAGE = `must be a day between ${MIN_DAY} and ${MAX_DAY}`;

/** Whether `day` (YYYY-MM-DD, four-digit year) lies in the window; string order is day order for such days. */
export function isInDayWindow(day: string): boolean {
  return day >= MIN_DAY && day <= MAX_DAY;
}
