import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../shared/src/schemas/api-error';
import type { UsageEvent } from '../../../shared/src/schemas/usage-event';
import { ValidationFiguresSchema, type ValidationFigures } from '../../../shared/src/schemas/validation';
import type { Config } from '../../../server/src/config';
import { snapshot } from '../../support/admin-api';
import { installIds, makeEvent } from '../../support/make-event';
import { makeTestApp, postEventsOnTime } from '../../support/test-app';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

// A Wednesday: this week is Monday 11-23 to today, last week 11-16 to 11-22, this month 11-01 to today. k = 5 (the default).
const NOW = '2026-11-25T10:00:00Z';
const THIS_WEEK = '2026-11-24T09:00:00.000Z';
const LAST_WEEK = '2026-11-18T09:00:00.000Z';

const app = (config: Partial<Config> = {}) => makeTestApp({ now: NOW, config });

function validation(t: TestApp, query: string, headers: Record<string, string> = {}) {
  return t.app.request(`/api/v1/validation${query}`, { headers });
}

async function figuresOf(t: TestApp, department: string): Promise<ValidationFigures> {
  const response = await validation(t, `?department=${department}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return ValidationFiguresSchema.parse(await response.json());
}

/** "I did this" from each install, in one department, at `at`. */
function actions(department: string, installs: readonly string[], at: string, times = 1): UsageEvent[] {
  return installs.flatMap((installId) => Array.from({ length: times }, () => makeEvent({ installId, department, role: department, at, actionId: `${department}-act` })));
}

/** A colleague of `from` thanks `department` for a story that credits it. */
function thanked(installId: string, from: string, department: string, at = THIS_WEEK, storyId = 'forklift-label-height'): UsageEvent {
  return makeEvent({ installId, type: 'team_thanked', department: from, role: from, storyId, thankedDepartment: department, at });
}

async function post(t: TestApp, events: UsageEvent[]) {
  for (const response of await postEventsOnTime(t, { events })) expect(response.status, await response.clone().text()).toBe(200);
}

describe('GET /api/v1/validation', () => {
  it('says a large department’s actions this week and last week, and the thanks it received this month', async () => {
    const t = await app();
    const makers = installIds(5);
    const colleagues = installIds(4);
    await post(t, [
      ...actions('manufacturing', makers, THIS_WEEK, 2),
      ...actions('manufacturing', makers, LAST_WEEK),
      // Three colleagues in sales thank Manufacturing, one twice (it counts once); one thanks Operations, credited too.
      ...colleagues.slice(0, 3).map((id) => thanked(id, 'sales', 'manufacturing')),
      thanked(colleagues[0]!, 'sales', 'manufacturing', '2026-11-25T08:00:00.000Z'),
      thanked(colleagues[3]!, 'sales', 'operations'),
      // A member of Manufacturing thanks Operations: nothing for Manufacturing.
      thanked(makers[0]!, 'manufacturing', 'operations'),
      // Last month's thanks are not this month's.
      thanked(colleagues[3]!, 'sales', 'manufacturing', '2026-10-28T09:00:00.000Z'),
      // Other departments' work is never counted.
      ...actions('engineering', installIds(6), THIS_WEEK, 3),
      ...actions('sales', colleagues, LAST_WEEK),
    ]);
    expect(await figuresOf(t, 'manufacturing')).toEqual({
      department: 'manufacturing',
      day: '2026-11-25',
      thisWeek: { from: '2026-11-23', actions: 10 },
      lastWeek: { from: '2026-11-16', actions: 5 },
      thisMonth: { from: '2026-11-01', thanks: 3 },
      generatedAt: '2026-11-25T10:00:00.000Z',
    });
    // Sales: 4 installs (thanks and actions), fewer than k: nothing is said of it.
    expect(await figuresOf(t, 'sales')).toMatchObject({ thisWeek: null, lastWeek: null, thisMonth: null });
    // Engineering: 6 installs this week and this month, none last week.
    expect(await figuresOf(t, 'engineering')).toMatchObject({ thisWeek: { actions: 18 }, lastWeek: null, thisMonth: { thanks: 0 } });
  });

  it('each figure follows its own period’s installs: k-1 says nothing, k says it', async () => {
    const t = await app();
    const [a, b, c, d, e] = installIds(5);
    // Last week five installs, this week four: last week and this month are said, this week is not.
    await post(t, [...actions('manufacturing', [a!, b!, c!, d!, e!], LAST_WEEK), ...actions('manufacturing', [a!, b!, c!, d!], THIS_WEEK)]);
    expect(await figuresOf(t, 'manufacturing')).toMatchObject({ thisWeek: null, lastWeek: { actions: 5 }, thisMonth: { thanks: 0 } });
    // The fifth install this week, with a thanks only: it was active there, so the line is said (the thanks adds no action).
    await post(t, [makeEvent({ installId: e, type: 'story_viewed', department: 'manufacturing', role: 'manufacturing', storyId: 's', at: THIS_WEEK })]);
    expect(await figuresOf(t, 'manufacturing')).toMatchObject({ thisWeek: { actions: 4 }, lastWeek: { actions: 5 } });
  });

  it('a department with k-1 installs gets nulls whatever it did and received', async () => {
    const t = await app();
    const four = installIds(4);
    await post(t, [
      ...actions('legal', four, THIS_WEEK, 3),
      ...actions('legal', four, LAST_WEEK),
      ...installIds(6).map((id) => thanked(id, 'sales', 'legal', THIS_WEEK, 'legal-nine-page-contract')),
    ]);
    expect(await figuresOf(t, 'legal')).toMatchObject({ department: 'legal', day: '2026-11-25', thisWeek: null, lastWeek: null, thisMonth: null });
    // At k = 4 the same department is large enough.
    const t4 = await app({ minGroupSize: 4 });
    await post(t4, [...actions('legal', four, THIS_WEEK, 3), ...installIds(6).map((id) => thanked(id, 'sales', 'legal', THIS_WEEK, 'legal-nine-page-contract'))]);
    expect(await figuresOf(t4, 'legal')).toMatchObject({ thisWeek: { actions: 12 }, lastWeek: null, thisMonth: { thanks: 6 } });
  });

  it('goes by the company-local day', async () => {
    // Monday 11-30 00:30 in Paris is still Sunday 11-29 in UTC.
    const t = await makeTestApp({ now: '2026-11-29T23:30:00Z', config: { timezone: 'Europe/Paris' } });
    const figures = await figuresOf(t, 'manufacturing');
    expect(figures).toMatchObject({ day: '2026-11-30', thisWeek: null, lastWeek: null, thisMonth: null });
  });

  it('answers a matching If-None-Match with 304 (a weak ETag of the figures, whenever worked out), private, no-cache', async () => {
    const t = await app();
    await post(t, actions('manufacturing', installIds(5), THIS_WEEK));
    const first = await validation(t, '?department=manufacturing');
    expect(first.status).toBe(200);
    expect(first.headers.get('Cache-Control')).toBe('private, no-cache');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    t.clock.set('2026-11-25T10:05:00Z');
    const unchanged = await validation(t, '?department=manufacturing', { 'If-None-Match': etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    expect(unchanged.headers.get('ETag')).toBe(etag);
    expect(unchanged.headers.get('Cache-Control')).toBe('private, no-cache');
    // Without the W/ prefix, or among others, it matches too.
    expect((await validation(t, '?department=manufacturing', { 'If-None-Match': `"x", ${etag.slice(2)}` })).status).toBe(304);
    // Another department's figures have another tag.
    expect((await validation(t, '?department=engineering', { 'If-None-Match': etag })).status).toBe(200);
    // New work: new figures, a new tag.
    await post(t, actions('manufacturing', installIds(1), '2026-11-25T10:01:00.000Z'));
    const changed = await validation(t, '?department=manufacturing', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
    expect(ValidationFiguresSchema.parse(await changed.json()).thisWeek).toEqual({ from: '2026-11-23', actions: 6 });
  });

  it('refuses a missing or malformed department with 400 naming it, and an unknown one with 404, changing nothing', async () => {
    const t = await app();
    const before = await snapshot(t);
    for (const query of ['', '?department=', '?department=Not%20an%20id', `?department=${'a'.repeat(200)}`, '?dept=manufacturing', '?department=manufacturing&department=sales']) {
      const response = await validation(t, query);
      expect(response.status, query).toBe(400);
      const { error } = ApiErrorSchema.parse(await response.json());
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain('department');
      if (query !== '?dept=manufacturing') expect(error.issues?.map((i) => i.path), query).toContain('department');
    }
    const unknown = await validation(t, '?department=nowhere');
    expect(unknown.status).toBe(404);
    const { error } = ApiErrorSchema.parse(await unknown.json());
    expect(error.message).toContain('nowhere');
    expect(error.issues?.map((i) => i.path)).toEqual(['department']);
    expect(await snapshot(t)).toEqual(before);
  });

  it('needs the enrollment key when one is set, and answers extension origins with CORS exposing the ETag', async () => {
    const t = await app({ enrollmentKey: 'enrollment-key-0123456789abcdef' });
    expect((await validation(t, '?department=manufacturing')).status).toBe(401);
    expect((await validation(t, '?department=manufacturing', { Authorization: 'Bearer wrong-key-0123456789abcdef' })).status).toBe(401);
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const response = await validation(t, '?department=manufacturing', { Authorization: 'Bearer enrollment-key-0123456789abcdef', Origin: origin });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
  });
});
