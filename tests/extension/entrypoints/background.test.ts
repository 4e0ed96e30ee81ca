import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../extension/entrypoints/background';
import { cachedBundle, eventQueue, managedMirror, userSettings, validation } from '../../../extension/lib/storage';
import { demoBundle } from '../../../extension/lib/demo-bundle';
import { lateManagedStorage } from '../support/late-managed-storage';

// The fake browser has no context menus or commands; what they do is tested beside insert-anywhere.
vi.mock('../../../extension/lib/insert-anywhere', async (original) => ({
  ...(await original<typeof import('../../../extension/lib/insert-anywhere')>()),
  registerInsertAnywhere: vi.fn(),
  createInsertMenus: vi.fn(async () => undefined),
}));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('the background', () => {
  it('mirrors storage.managed into storage.local whenever it starts, and again when IT changes or removes a value', async () => {
    const late = lateManagedStorage({ department: 'legal', serverUrl: 'https://cx.example.com' });
    background.main();
    await late.answer();
    expect(await managedMirror.getValue()).toEqual({ department: 'legal', serverUrl: 'https://cx.example.com' });

    await late.setPolicy({ department: 'safety' });
    await late.answer();
    expect(await managedMirror.getValue()).toEqual({ department: 'safety' });
  });

  it('on “Sync now” sends the events first, then syncs the content and the validation figures together, so what was just done shows', async () => {
    await userSettings.setValue({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: '', department: 'manufacturing', role: 'manufacturing', usageStatistics: true });
    await cachedBundle.setValue({ bundle: demoBundle(), source: 'demo' });
    const calls: string[] = [];
    const figures = { department: 'manufacturing', day: '2026-12-02', thisWeek: { from: '2026-11-30', actions: 38 }, lastWeek: null, thisMonth: null, generatedAt: '2026-12-02T10:00:00.000Z' };
    vi.stubGlobal('fetch', async (url: URL, init: RequestInit = {}) => {
      calls.push(`${init.method ?? 'GET'} ${url.pathname}${url.search}`);
      if (url.pathname === '/api/v1/events') return new Response(JSON.stringify({ accepted: JSON.parse(String(init.body)).events.length, duplicates: 0 }), { status: 200 });
      if (url.pathname === '/api/v1/content') return new Response(null, { status: 304 });
      return new Response(JSON.stringify(figures), { status: 200, headers: { ETag: '"v1"' } });
    });
    try {
      background.main();
      // The fake browser does not pass sendResponse's answer back: what the background did is read from its effects.
      await fakeBrowser.runtime.sendMessage({ kind: 'log', type: 'action_taken', surface: 'newtab', actionId: 'manufacturing-visit' });
      await vi.waitFor(async () => expect(await eventQueue.getValue()).toHaveLength(1));
      await fakeBrowser.runtime.sendMessage({ kind: 'sync-now' });
      await vi.waitFor(() => expect(calls).toHaveLength(3));
      // The events first; then the content and the figures side by side (a server that never answers costs one time-out).
      expect(calls[0]).toBe('POST /api/v1/events');
      expect(calls.slice(1).sort()).toEqual(['GET /api/v1/content', 'GET /api/v1/validation?department=manufacturing']);
      await vi.waitFor(async () => expect(await validation.getValue()).toMatchObject({ department: 'manufacturing', figures }));
      expect(await eventQueue.getValue()).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
