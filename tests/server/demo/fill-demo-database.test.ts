import { describe, expect, it } from 'vitest';
import { DemoRefusedError, fillDemoDatabase } from '../../../server/src/demo/fill-demo-database';
import { countEvents } from '../../../server/src/storage/queries/count-events';
import { hasUsage } from '../../../server/src/storage/queries/has-usage';
import { isDemoDatabase } from '../../../server/src/storage/queries/is-demo-database';
import { markDemoDatabase } from '../../../server/src/storage/queries/mark-demo-database';
import { DashboardOverviewSchema } from '../../../shared/src/schemas/dashboard-overview';
import { DepartmentDetailSchema } from '../../../shared/src/schemas/department-detail';
import { ListeningStatsSchema } from '../../../shared/src/schemas/listening-stats';
import { VoiceInboxSchema } from '../../../shared/src/schemas/voice';
import { makeTestApp, postEvents, TEST_ADMIN_TOKEN } from '../../support/test-app';
import { makeEvent } from '../../support/make-event';
import { openTestStorage } from '../../support/test-storage';

// A Monday: yesterday closed a week, so the default range (the last four finished weeks) ends on the demo's last day.
const NOW = '2026-11-23T10:00:00Z';

async function demoApp() {
  const storage = await openTestStorage();
  expect(await markDemoDatabase(storage)).toBe(true);
  const t = await makeTestApp({ storage, now: NOW });
  const filled = await fillDemoDatabase(storage, { timezone: t.config.timezone, now: t.clock.now() });
  const signIn = await t.app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: TEST_ADMIN_TOKEN }) });
  const cookie = signIn.headers.get('Set-Cookie')!.split(';')[0]!;
  const request = (path: string) => t.app.request(path, { headers: { Cookie: cookie } });
  const get = async (path: string) => {
    const response = await request(path);
    expect(response.status, path).toBe(200);
    return response.json();
  };
  return { ...t, filled, request, get };
}

describe('fillDemoDatabase (pnpm demo)', () => {
  it('refuses a database that is not marked as a demo, writing nothing: `pnpm start`\'s database never gets generated usage', async () => {
    const t = await makeTestApp({ now: NOW });
    expect(await isDemoDatabase(t.storage)).toBe(false);
    await expect(fillDemoDatabase(t.storage, { timezone: 'UTC', now: t.clock.now() })).rejects.toThrow(DemoRefusedError);
    await expect(fillDemoDatabase(t.storage, { timezone: 'UTC', now: t.clock.now() })).rejects.toThrow(/not marked as a demo database/);
    expect(await hasUsage(t.storage)).toBe(false);
    expect(VoiceInboxSchema.parse(await (await t.app.request('/api/v1/admin/voice', { headers: t.admin })).json()).matching).toBe(0);
    // …and a database in use cannot be marked as a demo afterwards: it holds content and a token.
    expect(await markDemoDatabase(t.storage)).toBe(false);
    expect(await isDemoDatabase(t.storage)).toBe(false);
  });

  it('refuses a demo database that already holds usage, and a used database cannot be marked even with no content', async () => {
    const storage = await openTestStorage();
    expect(await markDemoDatabase(storage)).toBe(true);
    expect(await markDemoDatabase(storage)).toBe(true); // once marked, stays marked
    const t = await makeTestApp({ storage, now: NOW });
    expect((await postEvents(t.app, { events: [makeEvent({ at: '2026-11-22T09:00:00.000Z' })] })).status).toBe(200);
    await expect(fillDemoDatabase(storage, { timezone: 'UTC', now: t.clock.now() })).rejects.toThrow(/already holds usage/);
    expect(await countEvents(storage)).toBe(1);
  });

  it('fills 90 days through ingest: the overview, trends and department view show figures, the small departments folded into "Other"', async () => {
    const t = await demoApp();
    expect(t.filled).toMatchObject({ firstDay: '2026-08-24', lastDay: '2026-11-22', voiceMessages: 18 });
    expect(await countEvents(t.storage)).toBe(t.filled.events);
    // Filled once: a second fill is refused.
    await expect(fillDemoDatabase(t.storage, { timezone: 'UTC', now: t.clock.now() })).rejects.toThrow(/already holds usage/);

    // Overview, default range (the last four finished weeks).
    const overview = DashboardOverviewSchema.parse(await t.get('/api/v1/dashboard/overview'));
    const named = overview.stats.departments.map((d) => d.department);
    expect(named).toEqual(expect.arrayContaining(['engineering', 'manufacturing', 'sales', 'support', 'operations', 'it', 'finance', 'marketing', 'people', 'product']));
    expect(named).not.toContain('legal');
    expect(named).not.toContain('safety');
    expect(overview.stats.other?.departments).toBeGreaterThanOrEqual(2);
    expect(overview.stats.total.activeInstalls).toBeGreaterThan(300);
    expect(overview.stats.total.storyViews).toBeGreaterThan(5000);
    expect(overview.stats.total.actionsTaken).toBeGreaterThan(500);
    expect(overview.stats.total.promptsInserted).toBeGreaterThan(100);

    // Trends: the whole period, week by week, with the rollout's ramp and the holiday week's dip.
    // The dashboard's "Last 13 weeks": the whole period, the rollout's first week included; every department but the two small ones named.
    const trends = DashboardOverviewSchema.parse(await t.get('/api/v1/dashboard/overview?from=2026-08-24&to=2026-11-22'));
    expect(trends.stats.departments.map((d) => d.department).sort()).toEqual(named.sort());
    const views = new Map<string, number>();
    for (const row of trends.stats.weekly) views.set(row.week, (views.get(row.week) ?? 0) + row.storyViews);
    const weeks = [...views.keys()].sort();
    const weekly = weeks.map((week) => views.get(week)!);
    expect(weekly).toHaveLength(13);
    expect(weekly[0]!).toBeLessThan(0.8 * weekly[5]!);
    const holiday = weeks.indexOf(t.filled.holiday);
    expect(holiday).toBeGreaterThan(0);
    expect(weekly[holiday]!).toBeLessThan(0.85 * weekly[holiday + 1]!);
    expect(trends.stats.weekly.some((row) => row.department === null)).toBe(true);
    expect(trends.stats.other).not.toBeNull();

    // The department view: Sales' roles, actions and surfaces.
    const sales = DepartmentDetailSchema.parse(await t.get('/api/v1/dashboard/departments/sales'));
    expect(sales.activeInstalls).toBeGreaterThan(40);
    expect(Object.values(sales.actionsByRole).reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    expect(sales.topActions.length).toBeGreaterThan(0);
    expect(sales.surfaces.map((s) => s.surface)).toEqual(expect.arrayContaining(['newtab', 'teams']));
    // A small department has no view of its own.
    expect((await t.request('/api/v1/dashboard/departments/legal')).status).toBe(404);

    // Thanks between departments, and the voice inbox in several statuses.
    const listening = ListeningStatsSchema.parse(await t.get('/api/v1/dashboard/listening?from=2026-08-31&to=2026-11-22'));
    expect(listening.departments.filter((d) => d.thanksReceived > 0).length).toBeGreaterThan(3);
    const inbox = VoiceInboxSchema.parse(await t.get('/api/v1/admin/voice'));
    expect(inbox.byStatus).toEqual({ new: 6, under_review: 4, adopted: 6, not_adopted: 2 });
    expect(new Set(inbox.messages.map((m) => m.kind))).toEqual(new Set(['customer_said', 'idea', 'lesson']));
  }, 60_000);
});
