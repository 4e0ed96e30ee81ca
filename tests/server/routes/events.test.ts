import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../shared/src/schemas/api-error';
import { makeEvent } from '../../support/make-event';
import { sql } from '../../../server/src/storage/sql';
import { countStored, sumStored } from '../../support/stored-events';
import { makeTestApp, postEvents } from '../../support/test-app';

async function errorOf(response: Response) {
  return ApiErrorSchema.parse(await response.json()).error;
}

type Storage = Awaited<ReturnType<typeof makeTestApp>>['storage'];
const countEvents = (storage: Storage) => countStored(storage, 'events');
const rollUpTotal = (storage: Storage) => sumStored(storage, 'daily_counts');

describe('POST /api/v1/events', () => {
  it('stores a batch and says how many were accepted', async () => {
    const { app, storage } = await makeTestApp();
    const events = [makeEvent(), makeEvent({ type: 'story_viewed', storyId: 'a-story' }), makeEvent({ type: 'prompt_inserted', surface: 'meet', promptId: 'p1' })];
    const response = await postEvents(app, { events });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 3, duplicates: 0 });
    expect(await countEvents(storage)).toBe(3);
    expect(await rollUpTotal(storage)).toBe(3);
  });

  it('counts a replayed batch once, ever', async () => {
    const { app, storage } = await makeTestApp();
    const events = Array.from({ length: 20 }, () => makeEvent());
    expect(await (await postEvents(app, { events })).json()).toEqual({ accepted: 20, duplicates: 0 });
    expect(await (await postEvents(app, { events })).json()).toEqual({ accepted: 0, duplicates: 20 });
    // A retry that mixes old and new events stores only the new ones.
    const mixed = [...events.slice(0, 5), makeEvent(), makeEvent()];
    expect(await (await postEvents(app, { events: mixed })).json()).toEqual({ accepted: 2, duplicates: 5 });
    expect(await countEvents(storage)).toBe(22);
    expect(await rollUpTotal(storage)).toBe(22);
  });

  it('treats an id repeated inside one batch, or in other letter case, as one event', async () => {
    const { app, storage } = await makeTestApp();
    const event = makeEvent();
    const response = await postEvents(app, { events: [event, event, { ...event, id: event.id.toUpperCase() }] });
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 2 });
    expect(await countEvents(storage)).toBe(1);
    expect(await rollUpTotal(storage)).toBe(1);
  });

  it('refuses invalid JSON with 400 invalid_json', async () => {
    const { app } = await makeTestApp();
    const response = await postEvents(app, '{"events": [');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid_json');
  });

  it('names every wrong field, and stores nothing of a batch with one bad event', async () => {
    const { app, storage } = await makeTestApp();
    const good = makeEvent();
    const bad = { ...makeEvent(), type: 'story_liked', department: 42, at: 'yesterday' };
    const response = await postEvents(app, { events: [good, bad] });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_request');
    const paths = error.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['events.1.type', 'events.1.department', 'events.1.at']));
    expect(await countEvents(storage)).toBe(0);
    expect(await rollUpTotal(storage)).toBe(0);
  });

  it('requires the content id the event type needs', async () => {
    const { app } = await makeTestApp();
    const { actionId: _dropped, ...noAction } = makeEvent({ type: 'action_taken' });
    const response = await postEvents(app, { events: [noAction] });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues).toContainEqual({ path: 'events.0.actionId', message: 'is required for action_taken events' });
  });

  it('refuses fields the event schema does not have (nothing personal can slip in)', async () => {
    const { app } = await makeTestApp();
    const response = await postEvents(app, { events: [{ ...makeEvent(), pageUrl: 'https://intranet/secret' }] });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues!.map((i) => i.message).join()).toMatch(/pageUrl/);
  });

  it('refuses an empty batch and a batch of more than 500', async () => {
    const { app, storage } = await makeTestApp();
    const empty = await postEvents(app, { events: [] });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).issues![0]!.path).toBe('events');
    const tooMany = await postEvents(app, { events: Array.from({ length: 501 }, () => makeEvent()) });
    expect(tooMany.status).toBe(400);
    expect((await errorOf(tooMany)).issues![0]!.path).toBe('events');
    expect(await countEvents(storage)).toBe(0);
  });

  it('accepts exactly 500', async () => {
    const { app, storage } = await makeTestApp();
    const response = await postEvents(app, { events: Array.from({ length: 500 }, () => makeEvent()) });
    expect(await response.json()).toEqual({ accepted: 500, duplicates: 0 });
    expect(await countEvents(storage)).toBe(500);
  });

  it('refuses a body over 256 KB with 413, before reading it all', async () => {
    const { app, storage } = await makeTestApp();
    const padding = 'x'.repeat(300 * 1024);
    const response = await postEvents(app, JSON.stringify({ events: [makeEvent()], padding }));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
    expect(await countEvents(storage)).toBe(0);
  });

  it('refuses a body that is not JSON by content type with 415', async () => {
    const { app } = await makeTestApp();
    const response = await postEvents(app, JSON.stringify({ events: [makeEvent()] }), { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).code).toBe('unsupported_media_type');
  });

  it('refuses events older than the retention window or a day in the future', async () => {
    const { app, storage } = await makeTestApp({ now: '2026-11-23T10:00:00Z', config: { retentionDays: 90 } });
    const old = makeEvent({ at: '2026-08-24T09:59:00.000Z' });
    const future = makeEvent({ at: '2026-11-24T10:01:00.000Z' });
    const response = await postEvents(app, { events: [makeEvent(), old, future] });
    expect(response.status).toBe(400);
    const issues = (await errorOf(response)).issues!;
    expect(issues.map((i) => i.path)).toEqual(['events.1.at', 'events.2.at']);
    expect(issues[0]!.message).toMatch(/90-day retention/);
    expect(await countEvents(storage)).toBe(0);
  });

  it('needs the enrollment key when one is set, and refuses a wrong one with 401', async () => {
    const { app, storage } = await makeTestApp({ config: { enrollmentKey: 'company-key-123' } });
    const body = { events: [makeEvent()] };
    const missing = await postEvents(app, body);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect((await errorOf(missing)).code).toBe('unauthorized');
    expect((await postEvents(app, body, { Authorization: 'Bearer wrong-key-456' })).status).toBe(401);
    expect(await countEvents(storage)).toBe(0);
    const ok = await postEvents(app, body, { Authorization: 'Bearer company-key-123' });
    expect(ok.status).toBe(200);
    expect(await countEvents(storage)).toBe(1);
  });

  it('rolls an event into the day of the company time zone', async () => {
    const { app, storage } = await makeTestApp({ config: { timezone: 'Asia/Tokyo' } });
    await postEvents(app, { events: [makeEvent({ at: '2026-11-22T20:00:00.000Z' })] });
    expect(await storage.one(sql`SELECT day, week FROM daily_counts`)).toEqual({ day: '2026-11-23', week: '2026-11-23' });
  });

  it('lets the extension call it cross-origin, and no web page', async () => {
    const { app } = await makeTestApp();
    const preflight = await app.request('/api/v1/events', {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    const fromPage = await postEvents(app, { events: [makeEvent()] }, { Origin: 'https://evil.example' });
    expect(fromPage.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
