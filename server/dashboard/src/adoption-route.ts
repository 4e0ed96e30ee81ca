import { PRESETS, presetRange, rangeProblem, type Preset, type Range } from './range';

/** What the Adoption page shows, as its address says: a period, and maybe one department in depth. */
export type AdoptionView = { period: { preset: Preset } | { from: string; to: string }; department: string | undefined };

/** The server's default, and so the page's when the address names none. */
const DEFAULT: Preset = 4;

/**
 * "departments/sales" and "period=13w" (or "from=2026-01-05&to=2026-03-01") → the view. Anything the
 * page cannot show (an unknown preset, an impossible custom period) falls back to the last four weeks.
 */
export function readAdoptionView(rest: string | undefined, params: URLSearchParams): AdoptionView {
  const department = rest?.startsWith('departments/') ? rest.slice('departments/'.length) || undefined : undefined;
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && !rangeProblem(from, to)) return { period: { from, to }, department };
  const weeks = Number(/^(\d+)w$/.exec(params.get('period') ?? '')?.[1]);
  return { period: { preset: (PRESETS as number[]).includes(weeks) ? (weeks as Preset) : DEFAULT }, department };
}

/** The view as an address after "#/": a reload or a shared link opens the same period and department. */
export function adoptionPath({ period, department }: AdoptionView): string {
  const params = new URLSearchParams('preset' in period ? { period: `${period.preset}w` } : { from: period.from, to: period.to });
  return `adoption${department ? `/departments/${encodeURIComponent(department)}` : ''}?${params}`;
}

/** The days a view's period covers, counted from the company's today for a preset. */
export const rangeOf = (period: AdoptionView['period'], today: string): Range =>
  'preset' in period ? presetRange(period.preset, today) : { ...period, preset: 'custom' };

/** A chosen range as the view's period: a preset stays a preset, so "last 4 weeks" moves on with the calendar. */
export const periodOf = (range: Range): AdoptionView['period'] => (range.preset === 'custom' ? { from: range.from, to: range.to } : { preset: range.preset });
