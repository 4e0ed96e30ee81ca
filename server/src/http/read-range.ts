import { addDays, localDay } from '@customer-chair/shared/domain/local-day';
import { toApiIssues } from '@customer-chair/shared/schemas/api-error';
import { StatsQuerySchema, type StatsQuery } from '@customer-chair/shared/schemas/stats';
import type { Context } from 'hono';
import type { Clock } from '../clock';
import { apiError } from './api-error';

/** Days covered when the request names no range: the last 30, today included. */
export const DEFAULT_RANGE_DAYS = 30;

/** The `from`/`to` days of a request (company-local), or a 400 answer naming what is wrong. */
export function readRange(c: Context, clock: Clock, timezone: string): StatsQuery | Response {
  const today = localDay(clock.now(), timezone);
  const to = c.req.query('to') ?? today;
  const from = c.req.query('from') ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  const parsed = StatsQuerySchema.safeParse({ from, to });
  if (parsed.success) return parsed.data;
  return apiError(c, 400, 'invalid_request', 'The date range is not valid: use from=YYYY-MM-DD&to=YYYY-MM-DD.', toApiIssues(parsed.error));
}
