import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../shared/src/schemas/api-error';
import { makeEvent, uuidv7 } from '../../support/make-event';
import { countStored } from '../../support/stored-events';
import { makeTestApp, postEvents } from '../../support/test-app';

const NOW = '2026-11-23T10:00:00Z';
const batch = (...installIds: string[]) => ({ events: installIds.map((installId) => makeEvent({ installId })) });
type TestApp = Awaited<ReturnType<typeof makeTestApp>>;
const installCount = (t: TestApp) => countStored(t.storage, 'installs');
const countEvents = (t: TestApp) => countStored(t.storage, 'events');

describe('POST /api/v1/events: new installs per network address per day', () => {
  it('refuses a batch that would bring the address over its new installs for the day: 429, Retry-After, the reason, nothing stored', async () => {
    const t = await makeTestApp({ now: NOW, config: { newInstallsPerAddressPerDay: 5 } });
    for (let i = 0; i < 4; i++) expect((await postEvents(t.app, batch(uuidv7()))).status).toBe(200);
    t.clock.set('2026-11-23T16:00:00Z');
    // Two new ones would make 6: the whole batch is refused, the known install in it too.
    const refused = await postEvents(t.app, batch(uuidv7(), uuidv7()));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe(String(18 * 3600));
    const error = ApiErrorSchema.parse(await refused.json()).error;
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/new installs from this network address.*nothing was stored/);
    expect(await countEvents(t)).toBe(4);
    expect(await installCount(t)).toBe(4);
    // One more fits exactly; then none.
    expect((await postEvents(t.app, batch(uuidv7()))).status).toBe(200);
    expect((await postEvents(t.app, batch(uuidv7()))).status).toBe(429);
    expect(await installCount(t)).toBe(5);
  });

  it('keeps accepting known installs while the address is over its budget', async () => {
    const t = await makeTestApp({ now: NOW, config: { newInstallsPerAddressPerDay: 2 } });
    const known = [uuidv7(), uuidv7()];
    expect((await postEvents(t.app, batch(...known))).status).toBe(200);
    expect((await postEvents(t.app, batch(uuidv7()))).status).toBe(429);
    for (let i = 0; i < 5; i++) expect((await postEvents(t.app, batch(known[i % 2]!, known[i % 2]!.toUpperCase()))).status).toBe(200);
    expect(await countEvents(t)).toBe(12);
    // A mixed batch (a known install and a new one) would bring a new one: refused whole.
    expect((await postEvents(t.app, batch(known[0]!, uuidv7()))).status).toBe(429);
    expect(await countEvents(t)).toBe(12);
  });

  it('counts an install as new only until it is stored, and ids in any case as one', async () => {
    const t = await makeTestApp({ now: NOW, config: { newInstallsPerAddressPerDay: 1 } });
    const install = uuidv7();
    expect((await postEvents(t.app, batch(install, install.toUpperCase(), install))).status).toBe(200);
    expect((await postEvents(t.app, batch(install))).status).toBe(200);
    expect((await postEvents(t.app, batch(uuidv7()))).status).toBe(429);
  });

  it('lets no more new installs through than the day allows when their batches arrive at once', async () => {
    const t = await makeTestApp({ now: NOW, config: { newInstallsPerAddressPerDay: 3 } });
    const statuses = await Promise.all(Array.from({ length: 8 }, async () => (await postEvents(t.app, batch(uuidv7()))).status));
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    expect(await installCount(t)).toBe(3);
  });

  it('gives the address a new budget a day after its first new install', async () => {
    const t = await makeTestApp({ now: NOW, config: { newInstallsPerAddressPerDay: 3 } });
    for (let i = 0; i < 3; i++) expect((await postEvents(t.app, batch(uuidv7()))).status).toBe(200);
    t.clock.set('2026-11-24T09:59:59Z');
    const refused = await postEvents(t.app, batch(uuidv7()));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    t.clock.set('2026-11-24T10:00:00Z');
    for (let i = 0; i < 3; i++) expect((await postEvents(t.app, batch(uuidv7()))).status).toBe(200);
    expect((await postEvents(t.app, batch(uuidv7()))).status).toBe(429);
    expect(await installCount(t)).toBe(6);
  });

  it('does not count batches another limit refused', async () => {
    const t = await makeTestApp({ now: NOW, config: { newInstallsPerAddressPerDay: 2, rateLimitEventsPerMinute: 1000, rateLimitEventsPerAddressPerMinute: 2 } });
    expect((await postEvents(t.app, batch(uuidv7(), uuidv7()))).status).toBe(200);
    // The address is over its events per minute: this one is refused for that, not counted as new installs.
    expect(ApiErrorSchema.parse(await (await postEvents(t.app, batch(uuidv7()))).json()).error.message).toMatch(/Too many events/);
    t.clock.set('2026-11-24T10:00:00Z');
    expect((await postEvents(t.app, batch(uuidv7(), uuidv7()))).status).toBe(200);
  });

  it('is off with NEW_INSTALLS_PER_ADDRESS_PER_DAY=0, even with the event limits off', async () => {
    const t = await makeTestApp({ now: NOW, config: { newInstallsPerAddressPerDay: 0, rateLimitEventsPerMinute: 0 } });
    for (let i = 0; i < 50; i++) expect((await postEvents(t.app, batch(uuidv7(), uuidv7()))).status).toBe(200);
    expect(await installCount(t)).toBe(100);
  });

  it('still limits new installs when the event rate limits are off', async () => {
    const t = await makeTestApp({ now: NOW, config: { newInstallsPerAddressPerDay: 1, rateLimitEventsPerMinute: 0 } });
    expect((await postEvents(t.app, batch(uuidv7()))).status).toBe(200);
    expect((await postEvents(t.app, batch(uuidv7()))).status).toBe(429);
  });
});
