import { describe, expect, it } from 'vitest';
import { StatsSchema, type Stats } from '../../../shared/src/schemas/stats';
import type { UsageEvent } from '../../../shared/src/schemas/usage-event';
import type { Config } from '../../../server/src/config';
import { installIds, makeEvent } from '../../support/make-event';
import { makeTestApp, postEventsOnTime } from '../../support/test-app';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

// A Wednesday: the weeks of November up to Sunday 11-29 have finished; the week of Monday 11-30 has not.
const NOW = '2026-12-02T10:00:00Z';
/** The week the events go in by default: Monday 2026-11-16 to Sunday 11-22. */
const WEEK = 'from=2026-11-16&to=2026-11-22';

const app = (config: Partial<Config> = {}, now = NOW) => makeTestApp({ now, config });

async function getStats(t: TestApp, query = WEEK): Promise<Stats> {
  const response = await t.app.request(`/api/v1/stats?${query}`, { headers: t.admin });
  expect(response.status).toBe(200);
  return StatsSchema.parse(await response.json());
}

/** One action_taken per install, all in one department and role. */
function actions(department: string, role: string, installs: string[], at = '2026-11-20T12:00:00.000Z'): UsageEvent[] {
  return installs.map((installId) => makeEvent({ installId, department, role, at, actionId: `${role}-act` }));
}

describe('GET /api/v1/stats', () => {
  it('counts every kind of event by department, with distinct active installs, over the whole week asked for', async () => {
    const t = await app({ minGroupSize: 2 });
    const [a, b] = installIds(2);
    const at = '2026-11-18T09:00:00.000Z';
    await postEventsOnTime(t, {
      events: [
        makeEvent({ installId: a, at, type: 'story_viewed', department: 'legal', role: 'legal' }),
        makeEvent({ installId: a, at, type: 'story_viewed', department: 'legal', role: 'legal' }),
        makeEvent({ installId: b, at, type: 'prompt_shown', department: 'legal', role: 'legal', surface: 'meet' }),
        makeEvent({ installId: b, at, type: 'prompt_inserted', department: 'legal', role: 'legal', surface: 'meet' }),
        makeEvent({ installId: b, at, type: 'story_inserted', department: 'legal', role: 'legal', surface: 'zoom' }),
        makeEvent({ installId: a, at, type: 'story_shared', department: 'legal', role: 'legal' }),
        makeEvent({ installId: a, at, type: 'action_taken', department: 'legal', role: 'legal', actionId: 'legal-x' }),
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
    expect(stats).toMatchObject({
      requested: { from: '2026-11-16', to: '2026-11-22' },
      from: '2026-11-16',
      to: '2026-11-22',
      weeks: 1,
      withheldWeeks: [],
      minGroupSize: 2,
      timezone: 'UTC',
    });
  });

  it.each([
    [4, false],
    [5, true],
    [6, true],
  ])('with k = 5, a department of %i active installs is named: %s', async (installs, named) => {
    const t = await app();
    await postEventsOnTime(t, {
      events: [...actions('legal', 'legal', installIds(installs)), ...actions('sales', 'sales', installIds(7)), ...actions('it', 'it', installIds(8))],
    });
    const stats = await getStats(t);
    // Too small, legal would be "other" alone: sales, the smallest named department, is folded with it.
    expect(stats.departments.map((d) => d.department)).toEqual(named ? ['it', 'legal', 'sales'] : ['it']);
    if (named) expect(stats.other).toBeNull();
    else expect(stats.other).toEqual({ departments: 2, activeInstalls: installs + 7, storyViews: 0, promptsShown: 0, promptsInserted: 0, storiesInserted: 0, storiesShared: 0, actionsTaken: installs + 7 });
    expect(stats.total).toMatchObject({ activeInstalls: installs + 15, actionsTaken: installs + 15 });
    expect(JSON.stringify(stats).includes('legal')).toBe(named);
  });

  it('never shows one small department as "other": a named one of 6 and a small one of 2 are both folded (issue 14, finding 2)', async () => {
    const t = await app();
    await postEventsOnTime(t, { events: [...actions('sales', 'sales', installIds(6)), ...actions('legal', 'legal', installIds(2))] });
    const stats = await getStats(t);
    expect(stats.departments).toEqual([]);
    expect(stats.other).toMatchObject({ departments: 2, activeInstalls: 8, actionsTaken: 8 });
    expect(stats.weekly.map((w) => [w.department, w.activeInstalls])).toEqual([[null, 8]]);
  });

  it('folds small role cells into "other" inside a named department, only when they reach k together (finding 5)', async () => {
    const t = await app();
    await postEventsOnTime(t, {
      events: [...actions('engineering', 'engineering', installIds(6)), ...actions('engineering', 'legal', installIds(2)), ...actions('engineering', 'it', installIds(3))],
    });
    expect((await getStats(t)).departments[0]!.actionsByRole).toEqual({ engineering: 6, other: 5 });

    const lone = await app();
    await postEventsOnTime(lone, { events: [...actions('engineering', 'engineering', installIds(6)), ...actions('engineering', 'legal', installIds(1))] });
    expect((await getStats(lone)).departments[0]!.actionsByRole).toEqual({ other: 7 });
  });

  it('puts each event in the week of its company-local day', async () => {
    const t = await app({ minGroupSize: 1, timezone: 'America/New_York' });
    const [a, b] = installIds(2);
    await postEventsOnTime(t, {
      events: [
        // 02:00 UTC on Monday Nov 2 is still Sunday Nov 1 in New York: the week before.
        makeEvent({ installId: a, at: '2026-11-02T02:00:00.000Z' }),
        makeEvent({ installId: b, at: '2026-11-02T12:00:00.000Z' }),
      ],
    });
    const stats = await getStats(t, 'from=2026-11-02&to=2026-11-08');
    expect(stats.total).toMatchObject({ activeInstalls: 1, actionsTaken: 1 });
    expect((await getStats(t, 'from=2026-10-26&to=2026-11-08')).weekly.map((w) => [w.week, w.activeInstalls])).toEqual([
      ['2026-10-26', 1],
      ['2026-11-02', 1],
    ]);
  });

  it('gives a part of a week, even a single day, the whole week’s figures, so no two answers differ by a day (findings 3 and 4)', async () => {
    const t = await app();
    await postEventsOnTime(t, {
      events: [
        ...actions('sales', 'sales', installIds(6), '2026-11-17T10:00:00.000Z'),
        ...actions('legal', 'legal', installIds(5), '2026-11-18T10:00:00.000Z'),
        // One install active on the Sunday only.
        ...actions('legal', 'legal', installIds(1), '2026-11-22T10:00:00.000Z'),
      ],
    });
    const whole = await getStats(t);
    const without = ({ requested: _, ...rest }: Stats) => rest;
    for (const query of ['from=2026-11-22&to=2026-11-22', 'from=2026-11-17&to=2026-11-21', 'from=2026-11-19&to=2026-11-19']) {
      const part = await getStats(t, query);
      expect(without(part), query).toEqual(without(whole));
    }
    // Ranges ending on Saturday and on Sunday: the same weeks, the same figures.
    expect(without(await getStats(t, 'from=2026-11-02&to=2026-11-21'))).toEqual(without(await getStats(t, 'from=2026-11-02&to=2026-11-22')));
    expect(whole.departments.map((d) => [d.department, d.activeInstalls])).toEqual([
      ['legal', 6],
      ['sales', 6],
    ]);
  });

  it('never shows the week under way', async () => {
    const t = await app({ minGroupSize: 1 });
    await postEventsOnTime(t, { events: actions('sales', 'sales', installIds(3), '2026-12-01T10:00:00.000Z') });
    const stats = await getStats(t, 'from=2026-11-30&to=2026-12-02');
    expect(stats).toMatchObject({ requested: { from: '2026-11-30', to: '2026-12-02' }, from: '2026-11-30', to: '2026-12-02', weeks: 0, withheldWeeks: [] });
    expect(stats.total).toMatchObject({ activeInstalls: 0, actionsTaken: 0 });
    expect(stats.departments).toEqual([]);
    expect(stats.weekly).toEqual([]);
    // A range reaching into it covers the finished weeks only.
    const longer = await getStats(t, 'from=2026-11-16&to=2026-12-02');
    expect([longer.from, longer.to, longer.weeks]).toEqual(['2026-11-16', '2026-11-29', 2]);
    expect(longer.total.actionsTaken).toBe(0);
  });

  it('gives weekly rows, Monday-based, split per week, and ranges as weekly averages', async () => {
    const t = await app({ minGroupSize: 2 });
    await postEventsOnTime(t, {
      events: [
        ...actions('sales', 'sales', installIds(3), '2026-11-10T10:00:00.000Z'),
        ...actions('legal', 'legal', installIds(1), '2026-11-11T10:00:00.000Z'),
        ...actions('it', 'it', installIds(1), '2026-11-11T10:00:00.000Z'),
        ...actions('sales', 'sales', installIds(2), '2026-11-17T10:00:00.000Z'),
      ],
    });
    const stats = await getStats(t, 'from=2026-11-01&to=2026-11-30');
    expect(stats).toMatchObject({ from: '2026-10-26', to: '2026-11-29', weeks: 5, withheldWeeks: [] });
    expect(stats.weekly.map((w) => [w.week, w.department, w.activeInstalls, w.actionsTaken])).toEqual([
      ['2026-11-09', 'sales', 3, 3],
      ['2026-11-09', null, 2, 2],
      ['2026-11-16', 'sales', 2, 2],
    ]);
    // Averages over the two weeks anyone was active in.
    expect(stats.total).toMatchObject({ activeInstalls: 3.5, actionsTaken: 7 });
    expect(stats.departments.map((d) => [d.department, d.activeInstalls, d.actionsTaken])).toEqual([['sales', 2.5, 5]]);
    expect(stats.other).toMatchObject({ departments: 2, activeInstalls: 1, actionsTaken: 2 });
  });

  it('withholds a week whose whole company has fewer than k installs, and never gives a weekly row of one install (finding 3)', async () => {
    const t = await app();
    await postEventsOnTime(t, {
      events: [
        ...actions('sales', 'sales', installIds(6), '2026-11-10T10:00:00.000Z'),
        ...actions('legal', 'legal', installIds(1), '2026-11-17T10:00:00.000Z'),
        ...actions('sales', 'sales', installIds(2), '2026-11-17T10:00:00.000Z'),
      ],
    });
    const stats = await getStats(t, 'from=2026-11-09&to=2026-11-22');
    expect(stats.withheldWeeks).toEqual(['2026-11-16']);
    expect(stats.total).toMatchObject({ activeInstalls: 6, actionsTaken: 6 });
    expect(stats.departments.map((d) => d.department)).toEqual(['sales']);
    expect(stats.weekly.map((w) => [w.week, w.department, w.activeInstalls])).toEqual([['2026-11-09', 'sales', 6]]);
    expect(JSON.stringify(stats)).not.toContain('legal');
  });

  it('defaults to the last four whole finished weeks, and refuses a bad range naming the field', async () => {
    const t = await app({}, '2026-11-23T10:00:00Z'); // a Monday: the week before has just finished
    const stats = await getStats(t, '');
    expect(stats).toMatchObject({ requested: { from: '2026-10-26', to: '2026-11-22' }, from: '2026-10-26', to: '2026-11-22', weeks: 4 });
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
    const t = await app();
    for (const headers of [{}, { Authorization: 'Bearer not-the-token-at-all' }, { Authorization: 'Basic abc' }] as Record<string, string>[]) {
      for (const path of ['/api/v1/stats', '/api/v1/stats.csv']) {
        const response = await t.app.request(path, { headers });
        expect(response.status).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      }
    }
  });

  it('does not accept the enrollment key as an admin token', async () => {
    const t = await app({ enrollmentKey: 'company-key-123' });
    const response = await t.app.request('/api/v1/stats', { headers: { Authorization: 'Bearer company-key-123' } });
    expect(response.status).toBe(401);
  });
});

describe('GET /api/v1/stats.csv', () => {
  it('gives the same rows as the JSON, named after the weeks covered', async () => {
    const t = await app();
    await postEventsOnTime(t, {
      events: [...actions('sales', 'sales', installIds(5)), ...actions('legal', 'legal', installIds(2)), ...actions('it', 'it', installIds(3))],
    });
    const stats = await getStats(t, 'from=2026-11-18&to=2026-11-20');
    const response = await t.app.request('/api/v1/stats.csv?from=2026-11-18&to=2026-11-20', { headers: t.admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(response.headers.get('Content-Disposition')).toMatch(/attachment; filename="customer-chair-departments-2026-11-16-to-2026-11-22.csv"/);
    const rows = (await response.text()).trimEnd().split('\r\n').map((line) => line.split(','));
    expect(rows[0]).toEqual([
      'department', 'weeklyActiveInstalls', 'storyViews', 'promptsShown', 'promptsInserted', 'storiesInserted', 'storiesShared', 'actionsTaken', 'actionsByRole',
    ]);
    expect(rows.slice(1)).toEqual([
      ['All departments', '10', '0', '0', '0', '0', '0', '10', ''],
      ['sales', '5', '0', '0', '0', '0', '0', '5', 'sales=5'],
      ['Other (small groups)', '5', '0', '0', '0', '0', '0', '5', ''],
    ]);
    expect([stats.total.actionsTaken, stats.departments[0]!.actionsTaken, stats.other!.actionsTaken]).toEqual([10, 5, 5]);
  });

  it('gives weekly rows with view=weekly, and refuses another view', async () => {
    const t = await app({ minGroupSize: 1 });
    await postEventsOnTime(t, { events: actions('sales', 'sales', installIds(2)) });
    const weekly = await t.app.request('/api/v1/stats.csv?from=2026-11-01&to=2026-11-30&view=weekly', { headers: t.admin });
    expect((await weekly.text()).split('\r\n').slice(0, 3)).toEqual([
      'week,department,activeInstalls,storyViews,promptsShown,promptsInserted,storiesInserted,storiesShared,actionsTaken',
      '2026-11-16,sales,2,0,0,0,0,0,2',
      '',
    ]);
    const bad = await t.app.request('/api/v1/stats.csv?view=pie', { headers: t.admin });
    expect(bad.status).toBe(400);
  });
});
