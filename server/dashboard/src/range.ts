import { addDays } from '@customer-chair/shared/domain/local-day';

export type Preset = 7 | 30 | 90;
export type Range = { from: string; to: string; preset: Preset | 'custom' };

/** The last `days` days up to the company's today (which the server tells us). */
export function presetRange(days: Preset, companyToday: string): Range {
  return { from: addDays(companyToday, -(days - 1)), to: companyToday, preset: days };
}
