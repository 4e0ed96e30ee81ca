import type { NewInstalls } from '../schemas/new-installs';
import { addDays, weekStart } from './local-day';

/** Complete weeks shown before the current one. */
export const NEW_INSTALL_WEEKS = 12;
/** The last 7 days are a wave when above this many times the median complete week. */
export const WAVE_FACTOR = 3;

/** The first day `summarizeNewInstalls` needs counts from (the last 7 days lie well inside the weeks). */
export function newInstallsSince(today: string): string {
  return addDays(weekStart(today), -7 * NEW_INSTALL_WEEKS);
}

/**
 * New installs per week and in the last 7 days, from counts per day of first
 * receipt. Every count below `minGroupSize` is withheld (null). The wave
 * flag compares the last 7 days with the median of the complete weeks since
 * the first week that had any new install (the weeks before the server was
 * in use would make every rollout look like a wave); it needs at least
 * `minGroupSize` new installs, so it never speaks of a withheld count.
 */
export function summarizeNewInstalls(input: {
  days: readonly { day: string; count: number }[];
  today: string;
  timezone: string;
  minGroupSize: number;
}): NewInstalls {
  const { today, minGroupSize } = input;
  const thisWeek = weekStart(today);
  const sum = (from: string, to: string) => input.days.reduce((total, d) => (d.day >= from && d.day <= to ? total + d.count : total), 0);
  const shown = (count: number) => (count < minGroupSize ? null : count);

  const weeks = Array.from({ length: NEW_INSTALL_WEEKS + 1 }, (_, i) => {
    const week = addDays(thisWeek, -7 * (NEW_INSTALL_WEEKS - i));
    return { week, count: sum(week, addDays(week, 6)), complete: week !== thisWeek };
  });
  const lastSevenDays = sum(addDays(today, -6), today);

  const firstUsed = weeks.findIndex((w) => w.count > 0);
  const usual = firstUsed === -1 ? [] : weeks.slice(firstUsed).filter((w) => w.complete).map((w) => w.count);
  const wave = usual.length > 0 && lastSevenDays >= minGroupSize && lastSevenDays > WAVE_FACTOR * median(usual);

  return {
    today,
    timezone: input.timezone,
    minGroupSize,
    lastSevenDays: shown(lastSevenDays),
    weeks: weeks.map((w) => ({ ...w, count: shown(w.count) })),
    wave,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
