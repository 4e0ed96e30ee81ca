import { describe, expect, it } from 'vitest';
import { DashboardOverviewSchema } from '../../../shared/src/schemas/dashboard-overview';
import { DepartmentDetailSchema } from '../../../shared/src/schemas/department-detail';
import { installIds, makeEvent } from '../../support/make-event';
import { makeTestApp, postEventsOnTime, TEST_ADMIN_TOKEN } from '../../support/test-app';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

async function signedInCookie(t: TestApp): Promise<string> {
  const response = await t.app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: TEST_ADMIN_TOKEN }),
  });
  return response.headers.get('Set-Cookie')!.split(';')[0]!;
}

// A Wednesday; the events go in the finished week of Monday 2026-11-16, and the views ask for it.
const NOW = '2026-11-25T10:00:00Z';
const AT = '2026-11-18T09:00:00.000Z';
const WEEK = 'from=2026-11-16&to=2026-11-22';

/**
 * sales (11 installs) is named; legal (2) and it (3) are small and together
 * make "other". Inside sales, the role sales (6) is named and finance (2)
 * and support (3) make "other"; under the role sales, sales-call (6
 * installs) is named and two small actions make "other"; newtab is used by
 * all, meet (1) and zoom (4) together make the "other" surface.
 */
async function seed(t: TestApp, at = AT) {
  const sales = installIds(11);
  const event = (installId: string, overrides: Parameters<typeof makeEvent>[0] = {}) => makeEvent({ installId, at, department: 'sales', role: 'sales', ...overrides });
  await postEventsOnTime(t, {
    events: [
      ...sales.slice(0, 6).map((installId) => event(installId, { actionId: 'sales-call' })),
      ...sales.slice(0, 2).map((installId) => event(installId, { actionId: 'sales-demo' })),
      ...sales.slice(2, 5).map((installId) => event(installId, { actionId: 'sales-lost-deal' })),
      ...sales.slice(6, 8).map((installId) => event(installId, { role: 'finance', actionId: 'finance-x' })),
      ...sales.slice(8, 11).map((installId) => event(installId, { role: 'support', actionId: 'support-y' })),
      ...sales.slice(0, 3).map((installId) => event(installId, { type: 'story_viewed', storyId: 'night-shift' })),
      event(sales[0]!, { type: 'story_inserted', surface: 'meet', storyId: 'night-shift' }),
      ...sales.slice(1, 5).map((installId) => event(installId, { type: 'story_inserted', surface: 'zoom', storyId: 'night-shift' })),
      ...installIds(2).map((installId) => event(installId, { department: 'legal', role: 'legal', actionId: 'legal-plain' })),
      ...installIds(3).map((installId) => event(installId, { department: 'it', role: 'it', actionId: 'it-z' })),
    ],
  });
}

/** A signed-in GET of a dashboard path. */
async function get(t: TestApp, path: string) {
  return t.app.request(path, { headers: { Cookie: await signedInCookie(t) } });
}

describe('/api/v1/dashboard', () => {
  it('refuses every dashboard route without a session, and with an admin bearer token only', async () => {
    const t = await makeTestApp();
    for (const path of ['/api/v1/dashboard/overview', '/api/v1/dashboard/departments/sales']) {
      expect((await t.app.request(path)).status).toBe(401);
      expect((await t.app.request(path, { headers: { Cookie: 'cc_session=forged' } })).status).toBe(401);
      expect((await t.app.request(path, { headers: t.admin })).status).toBe(401);
    }
  });

  it('gives the overview: stats with small departments folded, plus names and headcounts', async () => {
    const t = await makeTestApp({ now: NOW });
    await seed(t);
    const response = await get(t, `/api/v1/dashboard/overview?${WEEK}`);
    expect(response.status).toBe(200);
    const overview = DashboardOverviewSchema.parse(await response.json());
    expect(overview.stats).toMatchObject({ from: '2026-11-16', to: '2026-11-22', weeks: 1 });
    expect(overview.stats.departments.map((d) => d.department)).toEqual(['sales']);
    expect(overview.stats.other).toMatchObject({ departments: 2, activeInstalls: 5, actionsTaken: 5 });
    expect(overview.departments.length).toBeGreaterThan(0);
    expect(overview.departments.every((d) => d.name.length > 0)).toBe(true);
  });

  it('gives a department in depth, roles, actions and surfaces split by the same rule as the stats', async () => {
    const t = await makeTestApp({ now: NOW });
    await seed(t);
    const response = await get(t, `/api/v1/dashboard/departments/sales?${WEEK}`);
    expect(response.status).toBe(200);
    const detail = DepartmentDetailSchema.parse(await response.json());
    expect(detail).toMatchObject({ from: '2026-11-16', to: '2026-11-22', weeks: 1, minGroupSize: 5, department: 'sales', activeInstalls: 11 });
    expect(detail.actionsByRole).toEqual({ sales: 11, other: 5 });
    // Only actions of a named role, done by at least k installs: finance-x and support-y would name their roles.
    expect(detail.topActions).toEqual([{ actionId: 'sales-call', role: 'sales', count: 6 }]);
    expect(detail.topStories).toEqual([{ storyId: 'night-shift', views: 3, inserted: 5, shared: 0 }]);
    expect(detail.surfaces).toEqual([
      { surface: 'newtab', storyViews: 3, promptsShown: 0, promptsInserted: 0, storiesInserted: 0, storiesShared: 0, actionsTaken: 16 },
      { surface: 'other', storyViews: 0, promptsShown: 0, promptsInserted: 0, storiesInserted: 5, storiesShared: 0, actionsTaken: 0 },
    ]);
  });

  it('folds a lone small role, action or surface with the large one rather than show one person (finding 5)', async () => {
    const t = await makeTestApp({ now: NOW });
    const sales = installIds(6);
    await postEventsOnTime(t, {
      events: [
        ...sales.map((installId) => makeEvent({ installId, at: AT, department: 'sales', role: 'sales', actionId: 'sales-call' })),
        makeEvent({ installId: sales[0], at: AT, department: 'sales', role: 'sales', actionId: 'sales-rare' }),
        makeEvent({ installId: sales[1], at: AT, department: 'sales', role: 'finance', actionId: 'finance-x', surface: 'popup' }),
        ...installIds(5).map((installId) => makeEvent({ installId, at: AT, department: 'it', role: 'it', actionId: 'it-z' })),
      ],
    });
    const detail = DepartmentDetailSchema.parse(await (await get(t, `/api/v1/dashboard/departments/sales?${WEEK}`)).json());
    expect(detail.actionsByRole).toEqual({ other: 8 });
    expect(detail.topActions).toEqual([]);
    expect(detail.surfaces.map((s) => s.surface)).toEqual(['other']);
    expect(JSON.stringify(detail)).not.toMatch(/finance|rare|popup/);
  });

  it('does not show on its own, over a range, a department folded in any of its weeks (finding 4)', async () => {
    const t = await makeTestApp({ now: NOW });
    await seed(t, '2026-11-11T09:00:00.000Z');
    // The week after, it has 2 installs: legal (5, the smallest named) is folded with it.
    await postEventsOnTime(t, {
      events: [
        ...installIds(6).map((installId) => makeEvent({ installId, at: AT, department: 'sales', role: 'sales', actionId: 'sales-call' })),
        ...installIds(5).map((installId) => makeEvent({ installId, at: AT, department: 'legal', role: 'legal', actionId: 'legal-plain' })),
        ...installIds(2).map((installId) => makeEvent({ installId, at: AT, department: 'it', role: 'it', actionId: 'it-z' })),
      ],
    });
    expect((await get(t, '/api/v1/dashboard/departments/sales?from=2026-11-09&to=2026-11-22')).status).toBe(200);
    expect((await get(t, '/api/v1/dashboard/departments/legal?from=2026-11-16&to=2026-11-22')).status).toBe(404);
    expect((await get(t, '/api/v1/dashboard/departments/legal?from=2026-11-09&to=2026-11-22')).status).toBe(404);
    const overview = DashboardOverviewSchema.parse(await (await get(t, '/api/v1/dashboard/overview?from=2026-11-09&to=2026-11-22')).json());
    expect(overview.stats.departments.map((d) => d.department)).toEqual(['sales']);
    expect(overview.stats.other).toMatchObject({ departments: 2 });
  });

  it('does not show a department below the threshold on its own', async () => {
    const t = await makeTestApp({ now: NOW });
    await seed(t);
    const response = await get(t, `/api/v1/dashboard/departments/legal?${WEEK}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/at least 5 active installs/);
  });

  it('lets a signed-in browser read the stats API and its CSV with the cookie', async () => {
    const t = await makeTestApp({ now: NOW });
    await seed(t);
    const csv = await get(t, `/api/v1/stats.csv?${WEEK}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('\r\nsales,11,');
  });

  it('sends security headers with a CSP that allows no inline script on pages, and nothing at all on the API', async () => {
    const t = await makeTestApp();
    const page = await t.app.request('/');
    const csp = page.headers.get('Content-Security-Policy')!;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(page.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');

    for (const path of ['/health', '/api/v1/content', '/api/v1/nothing-here']) {
      const answer = await t.app.request(path, { headers: { 'If-None-Match': '*' } });
      expect(answer.headers.get('Content-Security-Policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(answer.headers.get('Referrer-Policy'), path).toBe('no-referrer');
    }
  });
});
