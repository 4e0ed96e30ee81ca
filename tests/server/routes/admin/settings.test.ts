import { describe, expect, it } from 'vitest';
import { contentTag, json, send, snapshot } from '../../../support/admin-api';
import { makeTestApp } from '../../../support/test-app';

describe('/api/v1/admin/settings', () => {
  it('starts from the server TIMEZONE; a CX lead sets the company time zone for the bundle and the schedule', async () => {
    const t = await makeTestApp({ config: { timezone: 'Europe/Paris' }, now: '2026-11-23T23:30:00Z' });
    expect(await json(send(t, 'GET', '/settings'))).toEqual({ timezone: 'Europe/Paris', timezoneSource: 'environment', revision: 1 });
    expect((await json(send(t, 'GET', '/schedule'))).today).toBe('2026-11-24');
    const before = await contentTag(t);
    const saved = await send(t, 'PUT', '/settings', { timezone: 'America/New_York', revision: 1 });
    expect(await json(saved)).toEqual({ timezone: 'America/New_York', timezoneSource: 'dashboard', revision: 2 });
    expect((await contentTag(t)).version).toBe(before.version + 1);
    expect((await json(t.app.request('/api/v1/content'))).timezone).toBe('America/New_York');
    expect((await json(send(t, 'GET', '/schedule'))).today).toBe('2026-11-23');
  });

  it('refuses a time zone that is not an IANA zone, and a stale edit', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t);
    const bad = await send(t, 'PUT', '/settings', { timezone: 'Mars/Olympus', revision: 1 });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.issues).toEqual([{ path: 'timezone', message: 'must be an IANA time zone such as "Europe/Paris"' }]);
    expect((await send(t, 'PUT', '/settings', { timezone: 'Europe/Paris', revision: 3 })).status).toBe(409);
    expect(await snapshot(t)).toBe(before);
  });
});
