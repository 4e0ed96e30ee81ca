import { describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../server/src/app';
import type { RequestLogEntry } from '../../../server/src/middleware/request-log';
import { makeEvent } from '../../support/make-event';
import { makeTestApp, TEST_ADMIN_TOKEN } from '../../support/test-app';

async function loggedApp() {
  const t = await makeTestApp();
  const lines: RequestLogEntry[] = [];
  const app = createApp({ storage: t.storage, clock: t.clock, config: t.config, logRequest: (entry) => lines.push(entry) });
  return { ...t, app, lines };
}

describe('request log', () => {
  it('writes one line per request with the route pattern, status, duration and size — and nothing personal', async () => {
    const t = await loggedApp();
    const event = makeEvent();
    await t.app.request('/api/v1/events?installId=' + event.installId, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.9' },
      body: JSON.stringify({ events: [event] }),
    });
    await t.app.request('/api/v1/admin/stories/night-shift-login?q=secret', { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    await t.app.request('/api/v1/admin/stories/night-shift-login');
    await t.app.request('/no/such/page/unlisted-page-name');

    expect(t.lines.map(({ method, route, status }) => `${method} ${route} ${status}`)).toEqual([
      'POST /api/v1/events 200',
      'GET /api/v1/admin/stories/:id 200',
      'GET /api/v1/admin/stories/:id 401',
      'GET unmatched 404',
    ]);
    for (const line of t.lines) {
      expect(Object.keys(line).sort()).toEqual(['bytes', 'durationMs', 'method', 'route', 'status', 'time']);
      expect(line.time).toBe('2026-11-23T10:00:00.000Z');
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
      expect(line.bytes).toBeGreaterThan(0);
    }
    const text = t.lines.map((l) => JSON.stringify(l)).join('\n');
    for (const secret of [event.installId, event.id, TEST_ADMIN_TOKEN, 'night-shift-login', 'secret', '203.0.113.9', 'unlisted-page-name']) expect(text).not.toContain(secret);
  });

  it('counts the bytes that went over the wire on a real server', async () => {
    const t = await loggedApp();
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/content`);
      const body = await response.arrayBuffer();
      await expect.poll(() => t.lines.length).toBe(1);
      const [line] = t.lines;
      expect(line).toMatchObject({ method: 'GET', route: '/api/v1/content', status: 200 });
      // The body plus the status line and headers.
      expect(line!.bytes).toBeGreaterThan(body.byteLength);
      expect(line!.bytes).toBeLessThan(body.byteLength + 2000);
      expect(JSON.stringify(line)).not.toContain('127.0.0.1');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is off unless main.ts asks for it (tests and app.request stay quiet)', async () => {
    const t = await makeTestApp();
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      await t.app.request('/health');
    } finally {
      process.stdout.write = write;
    }
    expect(written).toEqual([]);
  });
});
