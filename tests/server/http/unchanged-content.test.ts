import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/src/app';
import type { Config } from '../../../server/src/config';
import { serveApp } from '../../../server/src/http/serve-app';
import type { RequestLogEntry } from '../../../server/src/middleware/request-log';
import { setScheduledStory } from '../../../server/src/storage/queries/set-scheduled-story';
import { makeTestApp } from '../../support/test-app';
import { openSecondStorage } from '../../support/test-storage';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
/** Headers Node adds per connection and moment, not the app's. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive']);

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The real app behind the real Node server main.ts runs (shortcut included), on a free port. */
async function served(options: { config?: Partial<Config>; databasePath?: string } = {}) {
  const key = options.config?.enrollmentKey;
  const t = await makeTestApp(options);
  const lines: RequestLogEntry[] = [];
  const deps = { storage: t.storage, clock: t.clock, config: t.config, logRequest: (entry: RequestLogEntry) => lines.push(entry) };
  const app = createApp(deps);
  const server = serveApp(app, deps, { port: 0, hostname: '127.0.0.1' });
  servers.push(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/content`;
  const first = await fetch(url, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
  await first.arrayBuffer();
  const etag = first.headers.get('etag')!;
  lines.length = 0;
  return { ...t, app, url, etag, lines };
}

const appHeaders = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => !PER_CONNECTION.has(name)));

describe('the unchanged-sync shortcut on a real server', () => {
  it('answers a matching If-None-Match with the 304 the app would send, headers and all, and logs it', async () => {
    const t = await served();
    for (const origin of [undefined, EXTENSION, 'https://evil.example']) {
      const headers: Record<string, string> = { 'If-None-Match': t.etag, ...(origin ? { Origin: origin } : {}) };
      const fast = await fetch(t.url, { headers });
      const slow = await t.app.request('/api/v1/content', { headers });
      expect(fast.status).toBe(304);
      expect(slow.status).toBe(304);
      expect(await fast.text()).toBe('');
      expect(appHeaders(fast)).toEqual(appHeaders(slow));
    }
    const withOrigin = await fetch(t.url, { headers: { 'If-None-Match': t.etag, Origin: EXTENSION } });
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect(withOrigin.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(withOrigin.headers.get('x-content-type-options')).toBe('nosniff');

    // Seven requests: four to the real server, three through app.request (which logs too).
    expect(t.lines).toHaveLength(7);
    for (const line of t.lines) {
      expect(line).toMatchObject({ method: 'GET', route: '/api/v1/content', status: 304, time: '2026-11-23T10:00:00.000Z' });
    }
    // The status line and headers, as they went on the wire (app.request counts only the empty body).
    const wire = t.lines.filter((line) => line.bytes > 0);
    expect(wire).toHaveLength(4);
    for (const line of wire) expect(line.bytes).toBeGreaterThan(200);
    for (const line of wire) expect(line.bytes).toBeLessThan(1000);
  });

  it('leaves everything else to the app: no or an old ETag, a query string, HEAD', async () => {
    const t = await served();
    const full = await fetch(t.url, { headers: { 'If-None-Match': '"v0-old"' } });
    expect(full.status).toBe(200);
    expect((await full.json()).version).toBe(1);
    expect((await fetch(t.url)).status).toBe(200);
    expect((await fetch(`${t.url}?x=1`, { headers: { 'If-None-Match': t.etag } })).status).toBe(304);
    expect((await fetch(t.url, { method: 'HEAD', headers: { 'If-None-Match': t.etag } })).status).toBe(304);
    await expect.poll(() => t.lines.length).toBe(4);
    expect(t.lines.map((l) => `${l.method} ${l.status}`)).toEqual(['GET 200', 'GET 200', 'GET 304', 'HEAD 304']);
  });

  it('admits the same extension origins as the app when EXTENSION_IDS is set', async () => {
    const t = await served({ config: { extensionIds: ['abcdefghijklmnopabcdefghijklmnop'] } });
    for (const origin of [EXTENSION, 'chrome-extension://someoneelsesextensionidxxxxxxxxx', 'https://evil.example']) {
      const headers = { 'If-None-Match': t.etag, Origin: origin };
      const fast = await fetch(t.url, { headers });
      const slow = await t.app.request('/api/v1/content', { headers });
      expect(fast.status).toBe(304);
      expect(appHeaders(fast), origin).toEqual(appHeaders(slow));
      expect(fast.headers.get('access-control-allow-origin'), origin).toBe(origin === EXTENSION ? EXTENSION : null);
    }
  });

  it('leaves a wrong key to the app, which throttles it like any guess; the right key still gets its 304', async () => {
    const t = await served({ config: { enrollmentKey: 'company-key-123' } });
    const ask = (authorization: string) => fetch(t.url, { headers: { 'If-None-Match': t.etag, Authorization: authorization } });
    for (let i = 0; i < 10; i++) expect((await ask(`Bearer ${i}-guess-guess`)).status).toBe(401);
    const limited = await ask('Bearer one-more-guess');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await ask('Bearer company-key-123')).status).toBe(304);
  });

  it('checks the enrollment key exactly as the app does', async () => {
    const t = await served({ config: { enrollmentKey: 'company-key-123' } });
    const ask = (authorization?: string) =>
      fetch(t.url, { headers: { 'If-None-Match': t.etag, ...(authorization ? { Authorization: authorization } : {}) } });
    expect((await ask()).status).toBe(401);
    expect((await ask('Bearer nope-nope-nope')).status).toBe(401);
    expect((await ask('Bearer company-key-123x')).status).toBe(401);
    expect((await ask('Bearer company-key-123')).status).toBe(304);
  });

  it('sends the new version at once after a change, and within a millisecond after another process or instance changed it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cc-unchanged-'));
    try {
      const t = await served({ databasePath: join(folder, 'cc.db') });
      const storyId = ((await (await fetch(t.url)).json()) as { stories: { id: string }[] }).stories[3]!.id;
      await setScheduledStory(t.storage, '2026-11-24', storyId, t.clock.now());
      const changed = await fetch(t.url, { headers: { 'If-None-Match': t.etag } });
      expect(changed.status).toBe(200);
      const etag = changed.headers.get('etag')!;
      expect(etag).not.toBe(t.etag);
      expect((await fetch(t.url, { headers: { 'If-None-Match': etag } })).status).toBe(304);

      const other = await openSecondStorage(t.storage);
      await setScheduledStory(other, '2026-11-25', storyId, t.clock.now());
      await other.close();
      await new Promise((resolve) => setTimeout(resolve, 2));
      const theirs = await fetch(t.url, { headers: { 'If-None-Match': etag } });
      expect(theirs.status).toBe(200);
      expect((await theirs.json()).schedule['2026-11-25']).toBe(storyId);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
