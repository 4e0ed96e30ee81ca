import { addDays, dayNumber, localDay, weekStart } from '@customer-chair/shared/domain/local-day';
import { statsWeeks } from '@customer-chair/shared/domain/stats-weeks';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { StatsQuerySchema } from '@customer-chair/shared/schemas/stats';
import type { Context } from 'hono';
import type { Clock } from '../clock';
import { apiError } from './api-error';

/** Whole weeks covered when the request names no range: the last four that have finished. */
export const DEFAULT_RANGE_WEEKS = 4;

export type StatsRange = {
  /** The days asked for (company-local). */
  requested: { from: string; to: string };
  /** The Mondays of the whole, finished weeks the figures are made of. */
  weeks: string[];
};

/** The `from`/`to` days of a request and the weeks they cover, or a 400 answer naming what is wrong. */
export function readRange(c: Context, clock: Clock, timezone: string): StatsRange | Response {
  const today = localDay(clock.now(), timezone);
  const thisWeek = weekStart(today);
  const to = c.req.query('to') ?? addDays(thisWeek, -1);
  const from = c.req.query('from') ?? (c.req.query('to') === undefined ? addDays(thisWeek, -7 * DEFAULT_RANGE_WEEKS) : (Number.isNaN(dayNumber(to)) ? to : addDays(to, -(7 * DEFAULT_RANGE_WEEKS - 1))));
  const parsed = StatsQuerySchema.safeParse({ from, to });
  if (!parsed.success) {
    return apiError(c, 400, 'invalid_request', 'The date range is not valid: use from=YYYY-MM-DD&to=YYYY-MM-DD.', toApiIssues(parsed.error));
  }
  return { requested: parsed.data, weeks: statsWeeks(parsed.data, today) };
}
