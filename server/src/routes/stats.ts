import { buildStats } from '@customer-chair/shared/domain/build-stats';
import { statsToCsv } from '@customer-chair/shared/domain/stats-to-csv';
import type { Stats } from '@customer-chair/shared/schemas/stats';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../deps';
import { apiError } from '../http/api-error';
import { readRange } from '../http/read-range';
import { getStatsInput } from '../storage/queries/get-stats-input';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';

/**
 * `GET /api/v1/stats` and `/api/v1/stats.csv` (admin; app.ts checks the
 * token, under the credential throttle): adoption by
 * department over the whole finished weeks a range touches, under the
 * disclosure rule (plan-disclosure).
 */
export function statsRoutes({ storage, clock, config }: AppDeps) {
  async function answer(c: Context): Promise<Stats | Response> {
    const timezone = await getCompanyTimezone(storage, config.timezone);
    const range = readRange(c, clock, timezone);
    if (range instanceof Response) return range;
    return buildStats(await getStatsInput(storage, range, { timezone, minGroupSize: config.minGroupSize }));
  }

  return new Hono()
    .get('/stats', async (c) => {
      const stats = await answer(c);
      return stats instanceof Response ? stats : c.json(stats);
    })
    .get('/stats.csv', async (c) => {
      const view = c.req.query('view') ?? 'departments';
      if (view !== 'departments' && view !== 'weekly') {
        return apiError(c, 400, 'invalid_request', 'view must be "departments" or "weekly".', [
          { path: 'view', message: 'must be "departments" or "weekly"' },
        ]);
      }
      const stats = await answer(c);
      if (stats instanceof Response) return stats;
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="customer-chair-${view}-${stats.from}-to-${stats.to}.csv"`);
      return c.body(statsToCsv(stats, view));
    });
}
