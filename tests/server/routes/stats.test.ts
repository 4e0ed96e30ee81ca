import { describe, expect, it } from 'vitest';
import { StatsSchema, type Stats } from '../../../shared/src/schemas/stats';
import type { UsageEvent } from '../../../shared/src/schemas/usage-event';
import { installIds, makeEvent } from '../../support/make-event';
import { makeTestApp, postEvents } from '../../support/test-app';

type TestApp = ReturnType<typeof makeTestApp>;

async function getStats(t: TestApp, query = 'from=2026-11-01&to=2026-11-30'): Promise<Stats> {
  const response = await t.app.request(`/api/v1/stats?${query}`, { headers: t.admin });
  expect(response.status).toBe(200);
  return StatsSchema.parse(await response.json());
}

/** One action_taken per install, all in one department and role. */
function actions(department: string, role: string, installs: string[], at = '2026-11-20T12:00:00.000Z'): UsageEvent[] {
  return installs.map((installId) => makeEvent({ installId, department, role, at, actionId: `${role}-act` }));
}

describe('GET /api/v1/stats', () => {
  it('counts every kind of event by department, with distinct active installs', async () => {
    const t = makeTestApp({ config: { minGroupSize: 2 } });
    const [a, b] = installIds(2);
    await postEvents(t.app, {
      events: [
        makeEvent({ installId: a, type: 'story_viewed', department: 'legal', role: 'legal' }),
        makeEvent({ installId: a, type: 'story_viewed', department: 'legal', role: 'legal' }),
        makeEvent({ installId: b, type: 'prompt_shown', department: 'legal', role: 'legal', surface: 'meet' }),
        makeEvent({ installId: b, type: 'prompt_inserted', department: 'legal', role: 'legal', surface: 'meet' }),
        makeEvent({ installId: b, type: 'story_inserted', department: 'legal', role: 'legal', surface: 'zoom' }),
        makeEvent({ installId: a, type: 'story_shared', department: 'legal', role: 'legal' }),
        makeEvent({ installId: a, type: 'action_taken', department: 'legal', role: 'legal', actionId: 'legal-x' }),
      ],
    });
    const stats = await getStats(t);
    expect(stats.departments).toEqual([
      {
        department: 'legal',
        activeInstalls: 2,
        storyViews: 2,
        promptsShown: 1,
        promptsInserted: 1,
        storiesInserted: 1,
        storiesShared: 1,
        actionsTaken: 1,
        actionsByRole: { legal: 1 },
      },
    ]);
    expect(stats.total.activeInstalls).toBe(2);
    expect(stats.other).toBeNull();
    expect(stats).toMatchObject({ from: '2026-11-01', to: '2026-11-30', minGroupSize: 2, timezone: 'UTC' });
  });

  it.each([
    [4, false],
    [5, true],
    [6, true],
  ])('with k = 5, a department of %i active installs is named: %s', async (installs, named) => {
    const t = makeTestApp();
    await postEvents(t.app, { events: [...actions('legal', 'legal', installIds(installs)), ...actions('sales', 'sales', installIds(7))] });
    const stats = await getStats(t);
    expect(stats.departments.map((d) => d.department)).toEqual(named ? ['legal', 'sales'] : ['sales']);
    if (named) expect(stats.other).toBeNull();
    else expect(stats.other).toMatchObject({ departments: 1, activeInstalls: installs, actionsTaken: installs });
    expect(stats.total).toMatchObject({ activeInstalls: installs + 7, actionsTaken: installs + 7 });
    expect(JSON.stringify(stats).includes('legal')).toBe(named);
  });

  it('folds small role cells into "other" inside a named department', async () => {
    const t = makeTestApp();
    await postEvents(t.app, {
      events: [...actions('engineering', 'engineering', installIds(6)), ...actions('engineering', 'legal', installIds(2))],
    });
    const stats = await getStats(t);
    expect(stats.departments[0]!.actionsByRole).toEqual({ engineering: 6, other: 2 });
  });

  it('counts installs in the range only, by company-local day', async () => {
    const t = makeTestApp({ config: { minGroupSize: 1, timezone: 'America/New_York' } });
    const [a] = installIds(1);
    await postEvents(t.app, {
      events: [
        // 02:00 UTC on Nov 1 is still Oct 31 in New York: outside the range.
        makeEvent({ installId: a, at: '2026-11-01T02:00:00.000Z' }),
        makeEvent({ installId: installIds(1)[0], at: '2026-11-01T12:00:00.000Z' }),
      ],
    });
    const stats = await getStats(t, 'from=2026-11-01&to=2026-11-01');
    expect(stats.total).toMatchObject({ activeInstalls: 1, actionsTaken: 1 });
  });

  it('gives weekly rows, Monday-based, with small departments folded per week', async () => {
    const t = makeTestApp({ config: { minGroupSize: 2 } });
    await postEvents(t.app, {
      events: [
        ...actions('sales', 'sales', installIds(3), '2026-11-10T10:00:00.000Z'),
        ...actions('legal', 'legal', installIds(1), '2026-11-11T10:00:00.000Z'),
        ...actions('sales', 'sales', installIds(2), '2026-11-17T10:00:00.000Z'),
      ],
    });
    const stats = await getStats(t);
    expect(stats.weekly.map((w) => [w.week, w.department, w.activeInstalls, w.actionsTaken])).toEqual([
      ['2026-11-09', 'sales', 3, 3],
      ['2026-11-09', null, 1, 1],
      ['2026-11-16', 'sales', 2, 2],
    ]);
  });

  it('defaults to the last 30 days and refuses a bad range naming the field', async () => {
    const t = makeTestApp({ now: '2026-11-23T10:00:00Z' });
    const stats = await getStats(t, '');
    expect([stats.from, stats.to]).toEqual(['2026-10-25', '2026-11-23']);
    for (const [query, path] of [
      ['from=2026-11-31&to=2026-12-01', 'from'],
      ['from=yesterday&to=2026-12-01', 'from'],
      ['from=2026-12-02&to=2026-12-01', 'from'],
      ['from=2024-01-01&to=2026-12-01', 'to'],
    ] as const) {
      const response = await t.app.request(`/api/v1/stats?${query}`, { headers: t.admin });
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.issues.map((i) => i.path)).toContain(path);
    }
  });

  it('needs a valid admin token', async () => {
    const t = makeTestApp();
    for (const headers of [{}, { Authorization: 'Bearer not-the-token-at-all' }, { Authorization: 'Basic abc' }] as Record<string, string>[]) {
      for (const path of ['/api/v1/stats', '/api/v1/stats.csv']) {
        const response = await t.app.request(path, { headers });
        expect(response.status).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      }
    }
  });

  it('does not accept the enrollment key as an admin token', async () => {
    const t = makeTestApp({ config: { enrollmentKey: 'company-key-123' } });
    const response = await t.app.request('/api/v1/stats', { headers: { Authorization: 'Bearer company-key-123' } });
    expect(response.status).toBe(401);
  });
});

describe('GET /api/v1/stats.csv', () => {
  it('gives the same rows as the JSON', async () => {
    const t = makeTestApp();
    await postEvents(t.app, {
      events: [...actions('sales', 'sales', installIds(5)), ...actions('legal', 'legal', installIds(2))],
    });
    const stats = await getStats(t);
    const response = await t.app.request('/api/v1/stats.csv?from=2026-11-01&to=2026-11-30', { headers: t.admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(response.headers.get('Content-Disposition')).toMatch(/attachment; filename="customer-chair-departments-2026-11-01-to-2026-11-30.csv"/);
    const rows = (await response.text()).trimEnd().split('\r\n').map((line) => line.split(','));
    expect(rows[0]).toEqual([
      'department', 'activeInstalls', 'storyViews', 'promptsShown', 'promptsInserted', 'storiesInserted', 'storiesShared', 'actionsTaken', 'actionsByRole',
    ]);
    expect(rows.slice(1)).toEqual([
      ['All departments', '7', '0', '0', '0', '0', '0', '7', ''],
      ['sales', '5', '0', '0', '0', '0', '0', '5', 'sales=5'],
      ['Other (small groups)', '2', '0', '0', '0', '0', '0', '2', 'other=2'],
    ]);
    expect(stats.departments[0]!.actionsTaken).toBe(5);
  });

  it('gives weekly rows with view=weekly, and refuses another view', async () => {
    const t = makeTestApp({ config: { minGroupSize: 1 } });
    await postEvents(t.app, { events: actions('sales', 'sales', installIds(2)) });
    const weekly = await t.app.request('/api/v1/stats.csv?from=2026-11-01&to=2026-11-30&view=weekly', { headers: t.admin });
    expect((await weekly.text()).split('\r\n').slice(0, 2)).toEqual([
      'week,department,activeInstalls,storyViews,promptsShown,promptsInserted,storiesInserted,storiesShared,actionsTaken',
      '2026-11-16,sales,2,0,0,0,0,0,2',
    ]);
    const bad = await t.app.request('/api/v1/stats.csv?view=pie', { headers: t.admin });
    expect(bad.status).toBe(400);
  });
});
