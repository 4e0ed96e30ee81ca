import { describe, expect, it } from 'vitest';
import { DashboardOverviewSchema } from '../../../shared/src/schemas/dashboard-overview';
import { DepartmentDetailSchema } from '../../../shared/src/schemas/department-detail';
import { installIds, makeEvent } from '../../support/make-event';
import { makeTestApp, postEvents, TEST_ADMIN_TOKEN } from '../../support/test-app';

type TestApp = ReturnType<typeof makeTestApp>;

async function signedInCookie(t: TestApp): Promise<string> {
  const response = await t.app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: TEST_ADMIN_TOKEN }),
  });
  return response.headers.get('Set-Cookie')!.split(';')[0]!;
}

async function seed(t: TestApp) {
  const sales = installIds(5);
  const legal = installIds(2);
  await postEvents(t.app, {
    events: [
      ...sales.map((installId) => makeEvent({ installId, department: 'sales', role: 'sales', actionId: 'sales-call' })),
      ...sales.slice(0, 3).map((installId) => makeEvent({ installId, department: 'sales', role: 'sales', type: 'story_viewed', storyId: 'night-shift' })),
      makeEvent({ installId: sales[0], department: 'sales', role: 'sales', type: 'story_inserted', surface: 'meet', storyId: 'night-shift' }),
      makeEvent({ installId: sales[1], department: 'sales', role: 'finance', actionId: 'finance-x' }),
      ...legal.map((installId) => makeEvent({ installId, department: 'legal', role: 'legal', actionId: 'legal-plain' })),
    ],
  });
}

describe('/api/v1/dashboard', () => {
  it('refuses every dashboard route without a session, and with an admin bearer token only', async () => {
    const t = makeTestApp();
    for (const path of ['/api/v1/dashboard/overview', '/api/v1/dashboard/departments/sales']) {
      expect((await t.app.request(path)).status).toBe(401);
      expect((await t.app.request(path, { headers: { Cookie: 'cc_session=forged' } })).status).toBe(401);
      expect((await t.app.request(path, { headers: t.admin })).status).toBe(401);
    }
  });

  it('gives the overview: stats with small departments folded, plus names and headcounts', async () => {
    const t = makeTestApp();
    await seed(t);
    const cookie = await signedInCookie(t);
    const response = await t.app.request('/api/v1/dashboard/overview?from=2026-11-01&to=2026-11-30', { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const overview = DashboardOverviewSchema.parse(await response.json());
    expect(overview.stats.departments.map((d) => d.department)).toEqual(['sales']);
    expect(overview.stats.other).toMatchObject({ departments: 1, activeInstalls: 2, actionsTaken: 2 });
    expect(overview.departments.length).toBeGreaterThan(0);
    expect(overview.departments.every((d) => d.name.length > 0)).toBe(true);
  });

  it('gives a department in depth, with small role cells folded', async () => {
    const t = makeTestApp();
    await seed(t);
    const cookie = await signedInCookie(t);
    const response = await t.app.request('/api/v1/dashboard/departments/sales?from=2026-11-01&to=2026-11-30', { headers: { Cookie: cookie } });
    const detail = DepartmentDetailSchema.parse(await response.json());
    expect(detail.activeInstalls).toBe(5);
    expect(detail.actionsByRole).toEqual({ sales: 5, other: 1 });
    expect(detail.topActions).toEqual([
      { actionId: 'sales-call', count: 5 },
      { actionId: 'finance-x', count: 1 },
    ]);
    expect(detail.topStories).toEqual([{ storyId: 'night-shift', views: 3, inserted: 1, shared: 0 }]);
    expect(detail.surfaces.find((s) => s.surface === 'meet')).toMatchObject({ storiesInserted: 1 });
  });

  it('does not show a department below the threshold on its own', async () => {
    const t = makeTestApp();
    await seed(t);
    const cookie = await signedInCookie(t);
    const response = await t.app.request('/api/v1/dashboard/departments/legal?from=2026-11-01&to=2026-11-30', { headers: { Cookie: cookie } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/at least 5 active installs/);
  });

  it('lets a signed-in browser read the stats API and its CSV with the cookie', async () => {
    const t = makeTestApp();
    await seed(t);
    const cookie = await signedInCookie(t);
    expect((await t.app.request('/api/v1/stats.csv?from=2026-11-01&to=2026-11-30', { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('sends security headers with a CSP that allows no inline script on pages, and nothing at all on the API', async () => {
    const t = makeTestApp();
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
