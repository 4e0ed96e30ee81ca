import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../../server/src/auth/tokens';
import { insertAdminToken } from '../../../../server/src/storage/queries/insert-admin-token';
import { sql } from '../../../../server/src/storage/sql';
import { auditLog, contentTag, json, send, snapshot } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

type Day = { day: string; story: { id: string; title: string } | null; scheduled: boolean };

describe('/api/v1/admin/schedule', () => {
  it('shows what each of the next six weeks will show: rotation days and picked days', async () => {
    const t = await makeTestApp();
    await t.storage.run(sql`INSERT INTO schedule (day, story_id) VALUES ('2026-11-25', 'night-shift-login')`);
    const schedule = await json<{ today: string; timezone: string; days: Day[] }>(send(t, 'GET', '/schedule'));
    expect(schedule.today).toBe('2026-11-23');
    expect(schedule.timezone).toBe('UTC');
    expect(schedule.days).toHaveLength(42);
    expect(schedule.days[0]!.day).toBe('2026-11-23');
    expect(schedule.days[2]).toMatchObject({ day: '2026-11-25', scheduled: true, story: { id: 'night-shift-login' } });
    expect(schedule.days.filter((d) => d.scheduled)).toHaveLength(1);
    expect(schedule.days.every((d) => d.story !== null)).toBe(true);
    // The same answer the extension computes: the bundle's rotation.
    const range = await json<{ days: Day[] }>(send(t, 'GET', '/schedule?from=2026-12-01&to=2026-12-31'));
    expect(range.days).toHaveLength(31);
    const tooLong = await send(t, 'GET', '/schedule?from=2026-01-01&to=2026-12-31');
    expect(tooLong.status).toBe(400);
    expect((await json(tooLong)).error.issues[0].path).toBe('to');
    expect((await send(t, 'GET', '/schedule?from=2026-02-30')).status).toBe(400);
  });

  it('puts a story on a day as a new content version, and gives the day back to the rotation', async () => {
    const t = await makeTestApp();
    const before = await contentTag(t);
    const put = await send(t, 'PUT', '/schedule/2026-12-01', { storyId: 'night-shift-login', previous: null });
    expect(put.status).toBe(200);
    expect(await json(put)).toMatchObject({ day: '2026-12-01', scheduled: true, story: { id: 'night-shift-login' } });
    const after = await contentTag(t);
    expect(after.version).toBe(before.version + 1);
    expect((await json(t.app.request('/api/v1/content'))).schedule).toEqual({ '2026-12-01': 'night-shift-login' });
    expect((await auditLog(t))[0]).toMatchObject({ action: 'scheduled', entity: 'schedule', entityId: '2026-12-01', summary: 'night-shift-login (was the rotation)' });
    const cleared = await send(t, 'DELETE', '/schedule/2026-12-01');
    expect(await json(cleared)).toMatchObject({ day: '2026-12-01', scheduled: false });
    expect((await json(t.app.request('/api/v1/content'))).schedule).toEqual({});
    expect((await contentTag(t)).version).toBe(before.version + 2);
  });

  it('refuses an archived story, an unknown one, a past day and a day that is not a date, changing nothing', async () => {
    const t = await makeTestApp();
    await t.storage.run(sql`UPDATE stories SET archived = 1 WHERE id = 'night-shift-login'`);
    const before = await snapshot(t);
    const archived = await send(t, 'PUT', '/schedule/2026-12-01', { storyId: 'night-shift-login' });
    expect(archived.status).toBe(409);
    expect((await json(archived)).error.message).toBe('“The night nurse who could not log in” is archived, so it cannot be scheduled; restore it first.');
    const unknown = await send(t, 'PUT', '/schedule/2026-12-01', { storyId: 'no-such-story' });
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.issues).toEqual([{ path: 'storyId', message: 'unknown story' }]);
    const past = await send(t, 'PUT', '/schedule/2026-11-22', { storyId: 'forklift-label-height' });
    expect(past.status).toBe(400);
    expect((await json(past)).error.message).toMatch(/^2026-11-22 is in the past \(today is 2026-11-23 in UTC\)/);
    expect((await send(t, 'PUT', '/schedule/tomorrow', { storyId: 'forklift-label-height' })).status).toBe(400);
    expect((await send(t, 'PUT', '/schedule/2026-12-01', { story: 'forklift-label-height' })).status).toBe(400);
    expect((await send(t, 'DELETE', '/schedule/2026-11-01')).status).toBe(400);
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses to overwrite a pick another CX lead made meanwhile', async () => {
    const t = await makeTestApp();
    await insertAdminToken(t.storage, 'Ana (CX)', hashToken('ana-token-0123456789'), t.clock.now());
    await send(t, 'PUT', '/schedule/2026-12-01', { storyId: 'forklift-label-height', previous: null }, { Authorization: 'Bearer ana-token-0123456789' });
    const stale = await send(t, 'PUT', '/schedule/2026-12-01', { storyId: 'night-shift-login', previous: null });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.message).toBe(
      '2026-12-01 was changed by Ana (CX) at 2026-11-23 10:00 (UTC) since you opened the calendar; reload to see it. Nothing was saved.',
    );
    expect((await json(t.app.request('/api/v1/content'))).schedule).toEqual({ '2026-12-01': 'forklift-label-height' });
    expect((await send(t, 'PUT', '/schedule/2026-12-01', { storyId: 'night-shift-login', previous: 'forklift-label-height' })).status).toBe(200);
  });
});
