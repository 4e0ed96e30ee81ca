import { addDays, weekStart } from '@customer-chair/shared/domain/local-day';
import { MAX_DAY, MIN_DAY, isInDayWindow } from '@customer-chair/shared/schemas/day-window';

/** Presets count whole weeks: the figures are only ever made of whole, finished weeks. */
export type Preset = 1 | 4 | 13;
export const PRESETS: Preset[] = [1, 4, 13];
export type Range = { from: string; to: string; preset: Preset | 'custom' };

/** The last `weeks` whole weeks that have finished by the company's today (which the server tells us). */
export function presetRange(weeks: Preset, companyToday: string): Range {
  const thisWeek = weekStart(companyToday);
  return { from: addDays(thisWeek, -7 * weeks), to: addDays(thisWeek, -1), preset: weeks };
}

export const presetLabel = (weeks: Preset) => (weeks === 1 ? 'Last week' : `Last ${weeks} weeks`);

/** Why a custom period cannot be asked for, or undefined; the server checks the rest (e.g. its longest range). */
export function rangeProblem(from: string, to: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return 'Choose both a start and an end date.';
  // A date field takes any four-digit year; the server refuses days outside its window, so say so here first.
  if (!isInDayWindow(from) || !isInDayWindow(to)) return `Choose days between ${MIN_DAY} and ${MAX_DAY}.`;
  if (from > to) return 'The start date must not be after the end date.';
  return undefined;
}
