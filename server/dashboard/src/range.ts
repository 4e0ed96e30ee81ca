import { addDays } from '@customer-chair/shared/domain/local-day';

export type Preset = 7 | 30 | 90;
export const PRESETS: Preset[] = [7, 30, 90];
export type Range = { from: string; to: string; preset: Preset | 'custom' };

/** The last `days` days up to the company's today (which the server tells us). */
export function presetRange(days: Preset, companyToday: string): Range {
  return { from: addDays(companyToday, -(days - 1)), to: companyToday, preset: days };
}

/** Why a custom period cannot be asked for, or undefined; the server checks the rest (e.g. its longest range). */
export function rangeProblem(from: string, to: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return 'Choose both a start and an end date.';
  if (from > to) return 'The start date must not be after the end date.';
  return undefined;
}
