const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD; building the formatter is the slow part, so keep one per zone.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The calendar day (YYYY-MM-DD) that `instant` falls on in `timezone`. */
export function localDay(instant: Date, timezone: string): string {
  return formatterFor(timezone).format(instant);
}

/**
 * Calendar arithmetic on whole days since 1970-01-01, never through Date:
 * `toISOString()` cannot write years below 0001 or above 9999, and a loop
 * stepping a week at a time through it once stood still there for ever.
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days
 * (proleptic Gregorian calendar, exact for any year).
 */
const DAY = /^(-?\d{4,})-(\d{2})-(\d{2})$/;

/**
 * Days from 1970-01-01 to `day` (YYYY-MM-DD), or NaN when it is no day at all
 * (as `Date.parse` gives, so a zod refine that runs on a refused field still
 * only answers false). A day-of-month past the month's end runs on into the
 * next month, as Date does; the schemas refuse such days before they get here.
 */
export function dayNumber(day: string): number {
  const match = DAY.exec(day);
  const month = Number(match?.[2]);
  const date = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || date < 1 || date > 31) return Number.NaN;
  const year = Number(match[1]) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The day (YYYY-MM-DD) `n` days after 1970-01-01; years outside 0000–9999 keep all their digits (and a "-"). Throws for NaN, as `toISOString` did. */
export function dayFromNumber(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${n} is not a whole number of days`);
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const yyyy = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${yyyy}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** The Monday (YYYY-MM-DD) of the ISO week that contains `day`. */
export function weekStart(day: string): string {
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday, day 3 of a week that starts on Monday.
  const sinceMonday = (((n + 3) % 7) + 7) % 7;
  return dayFromNumber(n - sinceMonday);
}

/** `day` moved by `days` calendar days (negative goes back). */
export function addDays(day: string, days: number): string {
  return dayFromNumber(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** `instant` as "YYYY-MM-DD HH:MM" on the clocks of `timezone`, for messages people read. */
export function localDateTime(instant: Date, timezone: string): string {
  let formatter = timeFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormatters.set(timezone, formatter);
  }
  const part = (type: string) => formatter.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/**
 * The first instant (ms since the epoch, to the minute: zone offsets are
 * whole minutes) whose calendar day in `timezone` is `day`: the company's
 * midnight, or the first minute after it when a clock change skips it.
 */
export function startOfLocalDay(day: string, timezone: string): number {
  const MINUTE = 60_000;
  // Every zone's midnight lies within a day of UTC's.
  let low = Date.parse(`${day}T00:00:00Z`) / MINUTE - 24 * 60;
  let high = low + 48 * 60;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (localDay(new Date(middle * MINUTE), timezone) >= day) high = middle;
    else low = middle + 1;
  }
  return low * MINUTE;
}
