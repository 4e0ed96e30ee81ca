import { describe, expect, it } from 'vitest';
import { sql } from '../../../server/src/storage/sql';
import { ApiErrorSchema } from '../../../shared/src/schemas/api-error';
import { StatsSchema } from '../../../shared/src/schemas/stats';
import type { UsageEvent } from '../../../shared/src/schemas/usage-event';
import { databaseChecksum } from '../../support/database-checksum';
import { installIds, makeEvent } from '../../support/make-event';
import { recountRollUps } from '../../support/recount-roll-ups';
import { countStored, sumStored } from '../../support/stored-events';
import { makeTestApp, postEvents, postEventsOnTime } from '../../support/test-app';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

/** "Thank <department>" on a story, from an install of another department. */
function thanks(installId: string, overrides: Partial<UsageEvent> = {}): UsageEvent {
  return makeEvent({ installId, type: 'team_thanked', department: 'sales', role: 'sales', storyId: 'forklift-label-height', thankedDepartment: 'operations', ...overrides });
}

/** Thanks stored per department thanked. */
async function thanksByDepartment(t: TestApp): Promise<Record<string, number>> {
  const rows = await t.storage.all<{ department: string; n: number }>(sql`SELECT department, COUNT(*) AS n FROM thanks GROUP BY department ORDER BY department`);
  return Object.fromEntries(rows.map((r) => [r.department, Number(r.n)]));
}

async function accepted(t: TestApp, events: UsageEvent[]) {
  const response = await postEvents(t.app, { events });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

describe('POST /api/v1/events: a thanks counts once per story, credited department and install', () => {
  it('the same event id replayed counts once', async () => {
    const t = await makeTestApp();
    const [a] = installIds(1);
    const event = thanks(a!);
    expect(await accepted(t, [event])).toEqual({ accepted: 1, duplicates: 0 });
    expect(await accepted(t, [event])).toEqual({ accepted: 0, duplicates: 1 });
    expect(await thanksByDepartment(t)).toEqual({ operations: 1 });
    // The events table keeps the event, as any other.
    expect(await countStored(t.storage, 'events')).toBe(1);
  });

  it('a second thanks (a new id) from the same install for the same story and department counts once, in one batch or later', async () => {
    const t = await makeTestApp();
    const [a] = installIds(1);
    await accepted(t, [thanks(a!), thanks(a!)]);
    t.clock.set('2026-11-25T10:00:00Z');
    await accepted(t, [thanks(a!, { at: '2026-11-25T09:00:00.000Z' })]);
    expect(await thanksByDepartment(t)).toEqual({ operations: 1 });
    // The first is kept, with its day.
    expect(await t.storage.all(sql`SELECT day FROM thanks`)).toEqual([{ day: '2026-11-23' }]);
    expect(await countStored(t.storage, 'events')).toBe(3);
  });

  it('the same install thanking two credited departments of one story counts one for each; another story counts again', async () => {
    const t = await makeTestApp();
    const [a] = installIds(1);
    await accepted(t, [thanks(a!), thanks(a!, { thankedDepartment: 'manufacturing' }), thanks(a!, { storyId: 'another-story' })]);
    expect(await thanksByDepartment(t)).toEqual({ manufacturing: 1, operations: 2 });
  });

  it('another install counts again', async () => {
    const t = await makeTestApp();
    const [a, b, c] = installIds(3);
    await accepted(t, [thanks(a!), thanks(b!)]);
    await accepted(t, [thanks(c!, { department: 'legal', role: 'legal' }), thanks(a!)]);
    expect(await thanksByDepartment(t)).toEqual({ operations: 3 });
  });

  it('thanks are kept with the roll-ups: the recount from the events agrees, and pruning the events leaves them', async () => {
    const t = await makeTestApp();
    const [a, b] = installIds(2);
    await accepted(t, [thanks(a!), thanks(b!), thanks(a!, { thankedDepartment: 'manufacturing' }), makeEvent({ installId: a, department: 'sales', role: 'sales', actionId: 'sales-act' })]);
    const { stored, recounted } = await recountRollUps(t.storage);
    expect(stored).toEqual(recounted);
    expect(stored.thanks).toHaveLength(2);
    await t.storage.run(sql`DELETE FROM events`);
    expect(await thanksByDepartment(t)).toEqual({ manufacturing: 1, operations: 2 });
  });

  it('refuses a thanks for one’s own department with 400 naming thankedDepartment, storing nothing', async () => {
    const t = await makeTestApp();
    const before = await databaseChecksum(t.storage);
    const response = await postEvents(t.app, { events: [thanks(installIds(1)[0]!, { department: 'operations', role: 'operations' })] });
    expect(response.status).toBe(400);
    const { error } = ApiErrorSchema.parse(await response.json());
    expect(error.issues?.map((i) => i.path)).toEqual(['events.0.thankedDepartment']);
    expect(await databaseChecksum(t.storage)).toBe(before);
  });

  it('refuses team_thanked without thankedDepartment or storyId, and thankedDepartment on another event type, naming the field', async () => {
    const t = await makeTestApp();
    const before = await databaseChecksum(t.storage);
    const [a] = installIds(1);
    const missing = { ...thanks(a!) } as Partial<UsageEvent>;
    delete missing.thankedDepartment;
    const noStory = { ...thanks(a!) } as Partial<UsageEvent>;
    delete noStory.storyId;
    const cases: [unknown, string][] = [
      [missing, 'events.0.thankedDepartment'],
      [noStory, 'events.0.storyId'],
      [makeEvent({ installId: a, thankedDepartment: 'operations' }), 'events.0.thankedDepartment'],
      [makeEvent({ installId: a, type: 'story_viewed', storyId: 's', thankedDepartment: 'operations' }), 'events.0.thankedDepartment'],
    ];
    for (const [event, path] of cases) {
      const response = await postEvents(t.app, { events: [event] });
      expect(response.status).toBe(400);
      const { error } = ApiErrorSchema.parse(await response.json());
      expect(error.issues?.map((i) => i.path), path).toContain(path);
    }
    expect(await databaseChecksum(t.storage)).toBe(before);
  });

  it('moves no usage counter in the stats, but the install counts as active', async () => {
    const t = await makeTestApp({ now: '2026-12-02T10:00:00Z', config: { minGroupSize: 1 } });
    const [a, b] = installIds(2);
    const at = '2026-11-18T09:00:00.000Z';
    await postEventsOnTime(t, { events: [makeEvent({ installId: a, at, department: 'sales', role: 'sales', actionId: 'sales-act' })] });
    const query = '/api/v1/stats?from=2026-11-16&to=2026-11-22';
    const before = StatsSchema.parse(await (await t.app.request(query, { headers: t.admin })).json());
    const rollUps = await sumStored(t.storage, 'daily_counts');
    // Thanks from the same install and from another (b, in sales too), for two departments.
    await postEventsOnTime(t, { events: [thanks(a!, { at }), thanks(b!, { at }), thanks(b!, { at, thankedDepartment: 'manufacturing', surface: 'popup' })] });
    const after = StatsSchema.parse(await (await t.app.request(query, { headers: t.admin })).json());
    expect(await sumStored(t.storage, 'daily_counts')).toBe(rollUps);
    expect(await sumStored(t.storage, 'daily_surface_counts')).toBe(rollUps);
    expect(await countStored(t.storage, 'daily_item_counts')).toBe(1);
    expect(await countStored(t.storage, 'story_reach')).toBe(0);
    const { activeInstalls: installsBefore, ...countersBefore } = before.departments[0]!;
    const { activeInstalls: installsAfter, ...countersAfter } = after.departments[0]!;
    expect(countersAfter).toEqual(countersBefore);
    expect(countersAfter).toMatchObject({ department: 'sales', actionsTaken: 1, storyViews: 0, storiesShared: 0 });
    expect([installsBefore, installsAfter]).toEqual([1, 2]);
    expect(after.departments.map((d) => d.department)).toEqual(['sales']);
    expect(after.total.activeInstalls).toBe(2);
  });
});
