import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BATCH_SIZE, createEventQueue, QUEUE_LIMIT, RETRY_BASE_MS, type QueueDeps } from '../../../extension/lib/event-queue';
import { effectiveProfile } from '../../../extension/lib/profile';
import { eventQueue, queueStatus, thanked } from '../../../extension/lib/storage';

type Call = { url: string; events: { id: string }[] };

/** A stand-in server: answers each POST with the next scripted reply (200 when the script runs out). */
function fakeServer(replies: (Response | Error)[] = []) {
  const calls: Call[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    calls.push({ url: String(url), events: JSON.parse(String(init.body)).events });
    const reply = replies.shift();
    if (reply instanceof Error) throw reply;
    return reply ?? new Response(JSON.stringify({ accepted: calls.at(-1)!.events.length, duplicates: 0 }), { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

function setup(overrides: Partial<QueueDeps> & { usageStatistics?: boolean } = {}) {
  let now = Date.parse('2026-11-23T10:00:00Z');
  const retries: number[] = [];
  const server = fakeServer();
  const deps: QueueDeps = {
    fetch: server.fetch,
    now: () => now,
    random: () => 0.5,
    profile: async () =>
      effectiveProfile(
        { serverUrl: 'http://127.0.0.1:8787', enrollmentKey: '', department: 'legal', role: 'legal', usageStatistics: overrides.usageStatistics ?? true },
        {},
      ),
    installId: async () => '5b3f1d2e-8c4a-4f6b-9e1d-2a3b4c5d6e7f',
    timezone: async () => 'UTC',
    scheduleRetry: (at) => retries.push(at),
    ...overrides,
  };
  return { queue: createEventQueue(deps), server, retries, advance: (ms: number) => (now += ms), deps };
}

const action = { type: 'action_taken' as const, surface: 'newtab' as const, actionId: 'legal-plain-clause' };

beforeEach(() => fakeBrowser.reset());

describe('the event queue', () => {
  it('persists an event before sending, with a UUIDv7 id and the profile', async () => {
    const { queue } = setup();
    const id = await queue.enqueue(action);
    const stored = await eventQueue.getValue();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id, type: 'action_taken', department: 'legal', role: 'legal', surface: 'newtab', at: '2026-11-23T10:00:00.000Z' });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('survives a restart: a new queue sends what the old one stored', async () => {
    await setup().queue.enqueue(action);
    const { queue, server } = setup();
    expect(await queue.flush()).toMatchObject({ sent: 1, waiting: 0 });
    expect(server.calls).toHaveLength(1);
    expect(await eventQueue.getValue()).toEqual([]);
  });

  it(`sends in batches of at most ${BATCH_SIZE}`, async () => {
    const { queue, server } = setup();
    for (let i = 0; i < 1100; i++) await queue.enqueue(action);
    expect(await queue.flush()).toMatchObject({ sent: 1100 });
    expect(server.calls.map((c) => c.events.length)).toEqual([500, 500, 100]);
    // 1,100 storage writes: slow on a busy machine, so more than the default 5 s.
  }, 30_000);

  it('backs off exponentially with jitter on network errors and 5xx, and keeps the events', async () => {
    const server = fakeServer([new Error('offline'), new Response('{}', { status: 503 })]);
    const { queue, retries, advance } = setup({ fetch: server.fetch });
    await queue.enqueue(action);
    const first = await queue.flush();
    expect(first.error).toMatch(/Cannot reach the server/);
    // Base 30 s, jittered into [15 s, 30 s]: random 0.5 gives 22.5 s.
    expect(retries[0]! - Date.parse('2026-11-23T10:00:00Z')).toBe(RETRY_BASE_MS * 0.75);
    // Before the retry time, a flush does nothing; with force it tries.
    expect(await queue.flush()).toMatchObject({ sent: 0, waiting: 1 });
    expect(server.calls).toHaveLength(1);
    advance(30_000);
    await queue.flush();
    expect(retries[1]! - (Date.parse('2026-11-23T10:00:00Z') + 30_000)).toBe(2 * RETRY_BASE_MS * 0.75);
    advance(60_000);
    expect(await queue.flush()).toMatchObject({ sent: 1 });
    expect((await queueStatus.getValue()).failures).toBe(0);
  });

  it('honours Retry-After on 429', async () => {
    const server = fakeServer([new Response('{}', { status: 429, headers: { 'Retry-After': '120' } })]);
    const { queue, retries } = setup({ fetch: server.fetch });
    await queue.enqueue(action);
    await queue.flush();
    expect(retries[0]! - Date.parse('2026-11-23T10:00:00Z')).toBe(120_000);
  });

  it('gives up on a server that does not answer, keeps the events and sends them once when it answers again', async () => {
    let hang = true;
    const calls: string[][] = [];
    const fetch = ((_url: URL, init: RequestInit) => {
      const ids = (JSON.parse(String(init.body)).events as { id: string }[]).map((e) => e.id);
      calls.push(ids);
      if (!hang) return Promise.resolve(new Response(JSON.stringify({ accepted: ids.length, duplicates: 0 })));
      // A hung server: only the request's own time limit ends the wait.
      return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    }) as unknown as typeof globalThis.fetch;
    const { queue } = setup({ fetch, timeoutMs: 50 });
    const id = await queue.enqueue(action);
    const first = await queue.flush();
    expect(first).toMatchObject({ sent: 0, waiting: 1, error: 'The server at http://127.0.0.1:8787 did not answer within 0.05 s.' });
    expect(await eventQueue.getValue()).toHaveLength(1);
    hang = false;
    expect(await queue.flush({ force: true })).toMatchObject({ sent: 1, waiting: 0 });
    expect(calls).toEqual([[id], [id]]);
  });

  it('at browser start-up retries at once after its own back-off, but not before a Retry-After the server asked for', async () => {
    const offline = fakeServer([new Error('offline')]);
    const a = setup({ fetch: offline.fetch });
    await a.queue.enqueue(action);
    await a.queue.flush();
    expect(await a.queue.flush()).toMatchObject({ sent: 0, waiting: 1 });
    expect(await a.queue.flush({ startup: true })).toMatchObject({ sent: 1, waiting: 0 });

    const busy = fakeServer([new Response('{}', { status: 429, headers: { 'Retry-After': '3600' } })]);
    const b = setup({ fetch: busy.fetch });
    await b.queue.enqueue(action);
    await b.queue.flush();
    expect(await b.queue.flush({ startup: true })).toMatchObject({ sent: 0, waiting: 1 });
    expect(busy.calls).toHaveLength(1);
  });

  it('drops a batch the server refuses as invalid (400), counts it, and goes on', async () => {
    const refusal = new Response(JSON.stringify({ error: { code: 'invalid_request', message: 'bad batch' } }), { status: 400 });
    const server = fakeServer([refusal]);
    const { queue } = setup({ fetch: server.fetch });
    for (let i = 0; i < 600; i++) await queue.enqueue(action);
    expect(await queue.flush()).toMatchObject({ sent: 100, rejected: 500, waiting: 0 });
    const status = await queueStatus.getValue();
    expect(status.rejected).toBe(500);
    expect(status.lastRejection).toMatch(/bad batch/);
  });

  it('keeps events when the enrollment key is refused (401): a setting to fix, not bad events', async () => {
    const server = fakeServer([new Response('{}', { status: 401 })]);
    const { queue } = setup({ fetch: server.fetch });
    await queue.enqueue(action);
    expect(await queue.flush()).toMatchObject({ sent: 0, waiting: 1 });
    expect((await queueStatus.getValue()).rejected).toBe(0);
  });

  it(`is bounded at ${QUEUE_LIMIT}: the oldest are dropped and counted`, async () => {
    const { queue } = setup();
    const first = (await queue.enqueue(action))!;
    const [template] = await eventQueue.getValue();
    // Fill the queue to its bound, then add three more.
    await eventQueue.setValue(Array.from({ length: QUEUE_LIMIT }, (_, i) => ({ ...template!, id: i === 0 ? first : `old-${i}` })));
    for (let i = 0; i < 3; i++) await queue.enqueue(action);
    const stored = await eventQueue.getValue();
    expect(stored).toHaveLength(QUEUE_LIMIT);
    expect(stored.map((e) => e.id).slice(0, 2)).toEqual(['old-3', 'old-4']);
    expect((await queueStatus.getValue()).dropped).toBe(3);
  });

  it('counts a story view once per story per local day', async () => {
    const { queue, advance } = setup();
    const view = { type: 'story_viewed' as const, surface: 'newtab' as const, storyId: 'night-shift' };
    expect(await queue.enqueue(view)).toBeDefined();
    expect(await queue.enqueue(view)).toBeUndefined();
    expect(await queue.enqueue({ ...view, storyId: 'other-story' })).toBeDefined();
    advance(14 * 3600_000); // 2026-11-24 00:00 UTC
    expect(await queue.enqueue(view)).toBeDefined();
    expect(await eventQueue.getValue()).toHaveLength(3);
  });

  it('sends nothing, and keeps nothing, when usage statistics are off', async () => {
    // One event queued while statistics were on…
    await setup().queue.enqueue(action);
    // …then they are turned off.
    const { queue, server } = setup({ usageStatistics: false });
    expect(await queue.enqueue(action)).toBeUndefined();
    await queue.flush();
    expect(server.calls).toHaveLength(0);
    expect(await eventQueue.getValue()).toEqual([]);
  });

  it('takes back an unsent event on Undo', async () => {
    const { queue } = setup();
    const id = (await queue.enqueue(action))!;
    expect(await queue.undo(id)).toBe(true);
    expect(await eventQueue.getValue()).toEqual([]);
    expect(await queue.undo(id)).toBe(false);
  });
});

describe('thanks in the event queue', () => {
  const thanks = (storyId: string, thankedDepartment: string) => ({ type: 'team_thanked' as const, surface: 'newtab' as const, storyId, thankedDepartment });

  it('carries the department thanked, and counts a thanks once per story and department on this browser', async () => {
    const { queue } = setup();
    const first = await queue.enqueue(thanks('label-above-the-wrap', 'manufacturing'));
    expect(first).toBeDefined();
    expect(await queue.enqueue({ ...thanks('label-above-the-wrap', 'manufacturing'), surface: 'popup' })).toBeUndefined();
    expect(await queue.enqueue(thanks('label-above-the-wrap', 'operations'))).toBeDefined();
    expect(await queue.enqueue(thanks('another-story', 'manufacturing'))).toBeDefined();
    const stored = await eventQueue.getValue();
    expect(stored.map((e) => [e.storyId, e.thankedDepartment])).toEqual([
      ['label-above-the-wrap', 'manufacturing'],
      ['label-above-the-wrap', 'operations'],
      ['another-story', 'manufacturing'],
    ]);
    expect(stored[0]).toMatchObject({ id: first, type: 'team_thanked', department: 'legal', surface: 'newtab' });
    expect(Object.keys(await thanked.getValue())).toEqual(['label-above-the-wrap:manufacturing', 'label-above-the-wrap:operations', 'another-story:manufacturing']);
  });

  it('never thanks the employee’s own department, and carries no department thanked on other events', async () => {
    const { queue } = setup();
    expect(await queue.enqueue(thanks('plain-contract', 'legal'))).toBeUndefined();
    await queue.enqueue({ ...action, thankedDepartment: 'manufacturing' });
    const stored = await eventQueue.getValue();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.thankedDepartment).toBeUndefined();
    expect(await thanked.getValue()).toEqual({});
  });

  it('sends and keeps nothing with usage statistics off', async () => {
    const { queue } = setup({ usageStatistics: false });
    expect(await queue.enqueue(thanks('label-above-the-wrap', 'manufacturing'))).toBeUndefined();
    expect(await thanked.getValue()).toEqual({});
  });
});
