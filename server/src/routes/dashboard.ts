import { buildDepartmentDetail } from '@customer-chair/shared/domain/build-department-detail';
import { buildListeningStats } from '@customer-chair/shared/domain/build-listening-stats';
import { buildStats, planStats } from '@customer-chair/shared/domain/build-stats';
import { addDays, localDay } from '@customer-chair/shared/domain/local-day';
import { newInstallsSince, summarizeNewInstalls } from '@customer-chair/shared/domain/summarize-new-installs';
import type { DashboardOverview } from '@customer-chair/shared/schemas/dashboard-overview';
import type { ListeningStats } from '@customer-chair/shared/schemas/listening-stats';
import type { NewInstalls } from '@customer-chair/shared/schemas/new-installs';
import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { apiError } from '../http/api-error';
import { readRange } from '../http/read-range';
import type { SessionVariables } from '../middleware/require-session';
import { getDepartmentActivity } from '../storage/queries/get-department-activity';
import { getStatsInput } from '../storage/queries/get-stats-input';
import { loadContentBundle } from '../storage/queries/load-content-bundle';
import { getCompanyTimezone } from '../storage/queries/get-company-timezone';
import { countNewInstalls } from '../storage/queries/count-new-installs';
import { countThanksByDay } from '../storage/queries/count-thanks-by-day';
import { countVoiceByDay } from '../storage/queries/count-voice-by-day';

/** `/api/v1/dashboard/*`: what the CX dashboard shows; app.ts requires a signed-in session (under the credential throttle). */
export function dashboardRoutes({ storage, clock, config }: AppDeps) {
  return new Hono<{ Variables: SessionVariables }>()
    .get('/overview', async (c) => {
      const timezone = await getCompanyTimezone(storage, config.timezone);
      const range = readRange(c, clock, timezone);
      if (range instanceof Response) return range;
      const stats = buildStats(await getStatsInput(storage, range, { timezone, minGroupSize: config.minGroupSize }));
      const content = await loadContentBundle(storage, timezone);
      return c.json<DashboardOverview>({
        stats,
        departments: content?.departments ?? [],
        roles: content?.roles ?? [],
        actions: content?.actions ?? [],
        stories: (content?.stories ?? []).map(({ id, title, customer }) => ({ id, title, customer })),
      });
    })
    .get('/new-installs', async (c) => {
      // Company-wide counts of installs first seen, so a wave of invented installs shows (issue 14).
      const timezone = await getCompanyTimezone(storage, config.timezone);
      const today = localDay(clock.now(), timezone);
      const days = await countNewInstalls(storage, newInstallsSince(today), today);
      return c.json<NewInstalls>(summarizeNewInstalls({ days, today, timezone, minGroupSize: config.minGroupSize }));
    })
    .get('/listening', async (c) => {
      // Thanks and the employees' voice by department: the adoption stats' weeks and disclosure plan, the same folding.
      const timezone = await getCompanyTimezone(storage, config.timezone);
      const range = readRange(c, clock, timezone);
      if (range instanceof Response) return range;
      const input = await getStatsInput(storage, range, { timezone, minGroupSize: config.minGroupSize });
      const from = input.weeks[0]?.week ?? range.requested.from;
      const to = input.weeks.length ? addDays(input.weeks[input.weeks.length - 1]!.week, 6) : from;
      const cells = input.weeks.length ? { thanks: await countThanksByDay(storage, from, to), voice: await countVoiceByDay(storage, from, to) } : { thanks: [], voice: [] };
      return c.json<ListeningStats>(buildListeningStats(input, planStats(input), cells));
    })
    .get('/departments/:id', async (c) => {
      const timezone = await getCompanyTimezone(storage, config.timezone);
      const range = readRange(c, clock, timezone);
      if (range instanceof Response) return range;
      const department = c.req.param('id');
      // The department view shows a department only when the stats for the same range name it.
      const input = await getStatsInput(storage, range, { timezone, minGroupSize: config.minGroupSize });
      const plan = planStats(input);
      const stats = buildStats(input, plan);
      const kept = await getDepartmentActivity(storage, department, plan.kept.map((w) => w.week));
      const detail = buildDepartmentDetail({
        from: stats.from,
        to: stats.to,
        weeks: stats.weeks,
        minGroupSize: config.minGroupSize,
        row: stats.departments.find((d) => d.department === department),
        namedRoles: plan.roles.get(department)?.named ?? [],
        kept,
      });
      if (!detail) {
        return apiError(
          c,
          404,
          'not_found',
          `No department "${department}" that may be shown on its own for these weeks: a department is shown only when it had at least ${config.minGroupSize} active installs in every week, and was not folded into "Other" to protect a smaller one.`,
        );
      }
      return c.json(detail);
    });
}
