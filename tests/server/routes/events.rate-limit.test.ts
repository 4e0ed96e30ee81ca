import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../shared/src/schemas/api-error';
import { makeEvent, uuidv7 } from '../../support/make-event';
import { countStored } from '../../support/stored-events';
import { makeTestApp, postEvents } from '../../support/test-app';

const NOW = '2026-11-23T10:00:00Z';
const batch = (installId: string, n: number) => ({ events: Array.from({ length: n }, () => makeEvent({ installId })) });

describe('POST /api/v1/events rate limit', () => {
  it('refuses an install over its events per minute with 429 and Retry-After, storing nothing, until the minute is over', async () => {
    const t = await makeTestApp({ now: NOW, config: { rateLimitEventsPerMinute: 100 } });
    const install = uuidv7();
    expect((await postEvents(t.app, batch(install, 60))).status).toBe(200);
    // The batch that crosses the limit still passes: a batch bigger than the limit is never refused for ever.
    expect((await postEvents(t.app, batch(install, 60))).status).toBe(200);
    t.clock.set('2026-11-23T10:00:20Z');
    const refused = await postEvents(t.app, batch(install, 1));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('40');
    const error = ApiErrorSchema.parse(await refused.json()).error;
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/install.*nothing was stored.*40 seconds/);
    expect(await countStored(t.storage, 'events')).toBe(120);

    t.clock.set('2026-11-23T10:01:00Z');
    expect((await postEvents(t.app, batch(install, 1))).status).toBe(200);
    expect(await countStored(t.storage, 'events')).toBe(121);
  });

  it('keys the limit per install: colleagues behind the same address are not throttled by one busy install', async () => {
    const t = await makeTestApp({ now: NOW, config: { rateLimitEventsPerMinute: 50 } });
    const busy = uuidv7();
    await postEvents(t.app, batch(busy, 50));
    expect((await postEvents(t.app, batch(busy, 1))).status).toBe(429);
    for (let i = 0; i < 20; i++) expect((await postEvents(t.app, batch(uuidv7(), 10))).status).toBe(200);
  });

  it('caps all installs of one address together, generously', async () => {
    const t = await makeTestApp({ now: NOW, config: { rateLimitEventsPerMinute: 1000, rateLimitEventsPerAddressPerMinute: 300 } });
    for (let i = 0; i < 3; i++) expect((await postEvents(t.app, batch(uuidv7(), 100))).status).toBe(200);
    const refused = await postEvents(t.app, batch(uuidv7(), 1));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(ApiErrorSchema.parse(await refused.json()).error.message).toMatch(/network address/);
  });

  it('does not count refused batches, and replays count like any batch', async () => {
    const t = await makeTestApp({ now: NOW, config: { rateLimitEventsPerMinute: 10 } });
    const install = uuidv7();
    for (let i = 0; i < 20; i++) expect((await postEvents(t.app, { events: [{ ...makeEvent({ installId: install }), type: 'nope' }] })).status).toBe(400);
    expect((await postEvents(t.app, batch(install, 10))).status).toBe(200);
  });

  it('is off with RATE_LIMIT_EVENTS_PER_MINUTE=0', async () => {
    const t = await makeTestApp({ now: NOW, config: { rateLimitEventsPerMinute: 0, rateLimitEventsPerAddressPerMinute: 1 } });
    const install = uuidv7();
    for (let i = 0; i < 10; i++) expect((await postEvents(t.app, batch(install, 500))).status).toBe(200);
    expect(await countStored(t.storage, 'events')).toBe(5000);
  });
});
