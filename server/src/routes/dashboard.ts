import { buildDepartmentDetail } from '@customer-chair/shared/domain/build-department-detail';
import { buildStats } from '@customer-chair/shared/domain/build-stats';
import type { DashboardOverview } from '@customer-chair/shared/schemas/dashboard-overview';
import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { apiError } from '../http/api-error';
import { readRange } from '../http/read-range';
import { requireSession, type SessionVariables } from '../middleware/require-session';
import { getDepartmentActivity } from '../queries/get-department-activity';
import { getStatsInput } from '../queries/get-stats-input';
import { loadContentBundle } from '../queries/load-content-bundle';
import { getCompanyTimezone } from '../queries/get-company-timezone';

/** `/api/v1/dashboard/*`: what the CX dashboard shows; a signed-in session is required. */
export function dashboardRoutes({ db, clock, config }: AppDeps) {
  return new Hono<{ Variables: SessionVariables }>()
    .use('*', requireSession(db, clock))
    .get('/overview', (c) => {
      const timezone = getCompanyTimezone(db, config.timezone);
      const range = readRange(c, clock, timezone);
      if (range instanceof Response) return range;
      const stats = buildStats(getStatsInput(db, range, { timezone, minGroupSize: config.minGroupSize }));
      const content = loadContentBundle(db, timezone);
      return c.json<DashboardOverview>({
        stats,
        departments: content?.departments ?? [],
        roles: content?.roles ?? [],
        actions: content?.actions ?? [],
        stories: (content?.stories ?? []).map(({ id, title, customer }) => ({ id, title, customer })),
      });
    })
    .get('/departments/:id', (c) => {
      const range = readRange(c, clock, getCompanyTimezone(db, config.timezone));
      if (range instanceof Response) return range;
      const department = c.req.param('id');
      const detail = buildDepartmentDetail({
        ...range,
        minGroupSize: config.minGroupSize,
        department,
        ...getDepartmentActivity(db, department, range),
      });
      if (!detail) {
        return apiError(
          c,
          404,
          'not_found',
          `No department "${department}" with at least ${config.minGroupSize} active installs in this range; smaller groups are only shown together, as "Other".`,
        );
      }
      return c.json(detail);
    });
}
