import { describe, expect, it } from 'vitest';
import { sql } from '../../../server/src/storage/sql';
import { DashboardOverviewSchema } from '../../../shared/src/schemas/dashboard-overview';
import { ListeningStatsSchema } from '../../../shared/src/schemas/listening-stats';
import { snapshot } from '../../support/admin-api';
import { installIds, makeEvent } from '../../support/make-event';
import { makeTestApp, postEventsOnTime, TEST_ADMIN_TOKEN } from '../../support/test-app';
import { sentVoice } from '../../support/voice-api';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

// A Wednesday; the figures are of the finished week of Monday 2026-11-16.
const NOW = '2026-11-25T10:00:00Z';
const AT = '2026-11-18T09:00:00.000Z';
const WEEK = 'from=2026-11-16&to=2026-11-22';

async function signedInCookie(t: TestApp): Promise<string> {
  const response = await t.app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: TEST_ADMIN_TOKEN }) });
  return response.headers.get('Set-Cookie')!.split(';')[0]!;
}

async function get(t: TestApp, path: string) {
  return t.app.request(path, { headers: { Cookie: await signedInCookie(t) } });
}

/** Thanks as ingest keeps them: one row per story, credited department and install. */
async function thank(t: TestApp, department: string, day: string, count: number) {
  for (const installId of installIds(count)) {
    await t.storage.run(sql`INSERT INTO thanks (story_id, department, install_id, day) VALUES ('night-shift-login', ${department}, ${installId}, ${day})`);
  }
}

/** Sales 6 installs (named); legal 2 and it 3 (small: "other" together, 5 installs from 2 departments). */
async function seed(t: TestApp) {
  await postEventsOnTime(t, {
    events: [
      ...installIds(6).map((installId) => makeEvent({ installId, at: AT, department: 'sales', role: 'sales', actionId: 'sales-call' })),
      ...installIds(2).map((installId) => makeEvent({ installId, at: AT, department: 'legal', role: 'legal', actionId: 'legal-plain' })),
      ...installIds(3).map((installId) => makeEvent({ installId, at: AT, department: 'it', role: 'it', actionId: 'it-z' })),
    ],
  });
  await thank(t, 'sales', '2026-11-17', 4);
  await thank(t, 'legal', '2026-11-20', 2);
  await thank(t, 'it', '2026-11-22', 1);
  // Outside the week: this week's (unfinished) and the week before's (not asked for).
  await thank(t, 'sales', '2026-11-24', 9);
  await thank(t, 'sales', '2026-11-15', 9);
  t.clock.set('2026-11-18T12:00:00Z');
  await sentVoice(t, { department: 'sales', kind: 'customer_said' });
  await sentVoice(t, { department: 'sales', kind: 'idea' });
  await sentVoice(t, { department: 'legal', kind: 'lesson' });
  t.clock.set('2026-11-24T12:00:00Z');
  await sentVoice(t, { department: 'sales', kind: 'idea' });
  t.clock.set(NOW);
}

describe('GET /api/v1/dashboard/listening', () => {
  it('counts thanks received and voice by kind per department over the finished weeks, small departments only together in other', async () => {
    const t = await makeTestApp({ now: NOW });
    await seed(t);
    const response = await get(t, `/api/v1/dashboard/listening?${WEEK}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const stats = ListeningStatsSchema.parse(await response.json());
    expect(stats).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
      weeks: 1,
      minGroupSize: 5,
      total: { thanksReceived: 7, customerSaid: 1, ideas: 1, lessons: 1 },
      departments: [{ department: 'sales', thanksReceived: 4, customerSaid: 1, ideas: 1, lessons: 0 }],
      other: { thanksReceived: 3, customerSaid: 0, ideas: 0, lessons: 1, departments: 2 },
    });
    // The same departments as the adoption figures for the same weeks.
    const overview = DashboardOverviewSchema.parse(await (await get(t, `/api/v1/dashboard/overview?${WEEK}`)).json());
    expect(overview.stats.departments.map((d) => d.department)).toEqual(stats.departments.map((d) => d.department));
    expect(overview.stats.other?.departments).toBe(stats.other?.departments);
    expect(JSON.stringify(stats)).not.toMatch(/legal|"it"/);
  });

  it('defaults to the last four finished weeks; nothing is counted before a week has finished', async () => {
    const t = await makeTestApp({ now: NOW });
    await seed(t);
    const stats = ListeningStatsSchema.parse(await (await get(t, '/api/v1/dashboard/listening')).json());
    expect(stats).toMatchObject({ from: '2026-10-26', to: '2026-11-22', weeks: 4 });
    // The 9 thanks of the 15th count too: nobody was active that week, so nothing of it is withheld.
    expect(stats.total.thanksReceived).toBe(16);
    expect(stats.departments).toEqual([{ department: 'sales', thanksReceived: 13, customerSaid: 1, ideas: 1, lessons: 0 }]);
    // A week in which the whole company had fewer than k installs is left out of every figure, as for adoption.
    await postEventsOnTime(t, { events: installIds(2).map((installId) => makeEvent({ installId, at: '2026-11-12T09:00:00.000Z', department: 'sales', role: 'sales', actionId: 'sales-call' })) });
    const withheld = ListeningStatsSchema.parse(await (await get(t, '/api/v1/dashboard/listening')).json());
    expect(withheld.total.thanksReceived).toBe(7);
    const none = ListeningStatsSchema.parse(await (await get(t, '/api/v1/dashboard/listening?from=2026-11-23&to=2026-11-29')).json());
    expect(none).toEqual({ from: '2026-11-23', to: '2026-11-29', weeks: 0, minGroupSize: 5, total: { thanksReceived: 0, customerSaid: 0, ideas: 0, lessons: 0 }, departments: [], other: null });
  });

  it('refuses a bad range naming the field; is for a signed-in session only; reading writes nothing', async () => {
    const t = await makeTestApp({ now: NOW });
    await seed(t);
    const cookie = await signedInCookie(t);
    const before = await snapshot(t);
    expect((await t.app.request(`/api/v1/dashboard/listening?${WEEK}`, { headers: { Cookie: cookie } })).status).toBe(200);
    const bad = await t.app.request('/api/v1/dashboard/listening?from=2026-11-30&to=2026-11-01', { headers: { Cookie: cookie } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues.length).toBeGreaterThan(0);
    expect((await t.app.request('/api/v1/dashboard/listening')).status).toBe(401);
    expect((await t.app.request('/api/v1/dashboard/listening', { headers: t.admin })).status).toBe(401);
    expect(await snapshot(t)).toBe(before);
  });
});
