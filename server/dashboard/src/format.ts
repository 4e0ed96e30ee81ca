import type { RoundPhase } from '@customer-chair/shared/schemas/recognition-round';

const numbers = new Intl.NumberFormat('en');
const days = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A count as people read it: 1,234. */
export const count = (value: number) => numbers.format(value);

/** A share as a whole percent, or a dash when there is nothing to divide by. */
export const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** Two company-local days (YYYY-MM-DD) as a readable period: "25 Oct – 23 Nov 2026". */
export function period(from: string, to: string): string {
  return days.formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}

/** "1 story", "3 stories": a count with its noun. */
export const counted = (value: number, one: string, many: string) => `${count(value)} ${value === 1 ? one : many}`;

/** A recognition round's phase, in words. */
export const PHASE_LABELS: Record<RoundPhase, string> = {
  upcoming: 'Not open yet',
  open: 'Taking entries',
  judging: 'Being judged',
  awaiting_announcement: 'Results awaiting announcement',
  announced: 'Announced',
};

/** Days from `from` to `until`, both counted (YYYY-MM-DD). */
export const daysInclusive = (from: string, until: string) => Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
