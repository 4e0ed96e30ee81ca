import { describe, expect, it } from 'vitest';
import { NewInstallsSchema } from '../../../shared/src/schemas/new-installs';
import { makeEvent, uuidv7 } from '../../support/make-event';
import { makeTestApp, postEvents, TEST_ADMIN_TOKEN } from '../../support/test-app';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

async function signedInCookie(t: TestApp): Promise<string> {
  const response = await t.app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: TEST_ADMIN_TOKEN }),
  });
  return response.headers.get('Set-Cookie')!.split(';')[0]!;
}

/** `count` new installs arriving at `instant` (each with one event), then the clock back where it was. */
async function arrive(t: TestApp, instant: string, count: number) {
  const was = t.clock.now();
  t.clock.set(instant);
  for (let i = 0; i < count; i++) expect((await postEvents(t.app, { events: [makeEvent({ installId: uuidv7(), at: instant })] })).status).toBe(200);
  t.clock.set(was);
}

describe('GET /api/v1/dashboard/new-installs', () => {
  it('needs a session', async () => {
    const t = await makeTestApp();
    expect((await t.app.request('/api/v1/dashboard/new-installs')).status).toBe(401);
    expect((await t.app.request('/api/v1/dashboard/new-installs', { headers: t.admin })).status).toBe(401);
  });

  it('counts installs by the company-local week they first arrived, withholds counts below k, and flags a wave', async () => {
    // Wednesday 25 November in Paris.
    const t = await makeTestApp({ now: '2026-11-25T12:00:00Z', config: { timezone: 'Europe/Paris', minGroupSize: 5 } });
    const cookie = await signedInCookie(t);
    await arrive(t, '2026-10-27T10:00:00Z', 6);
    await arrive(t, '2026-11-03T10:00:00Z', 6);
    await arrive(t, '2026-11-10T10:00:00Z', 3);
    // Sunday 23:30 UTC is Monday 00:30 in Paris: the current week.
    await arrive(t, '2026-11-22T23:30:00Z', 20);
    // An install seen again later keeps its first week.
    const again = uuidv7();
    await postEvents(t.app, { events: [makeEvent({ installId: again })] });

    const response = await t.app.request('/api/v1/dashboard/new-installs', { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const body = NewInstallsSchema.parse(await response.json());
    expect(body).toMatchObject({ today: '2026-11-25', timezone: 'Europe/Paris', minGroupSize: 5, lastSevenDays: 21, wave: true });
    expect(body.weeks.slice(-5)).toEqual([
      { week: '2026-10-26', count: 6, complete: true },
      { week: '2026-11-02', count: 6, complete: true },
      { week: '2026-11-09', count: null, complete: true },
      { week: '2026-11-16', count: null, complete: true },
      { week: '2026-11-23', count: 21, complete: false },
    ]);
  });
});
