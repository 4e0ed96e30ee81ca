import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { corsHeaders, extensionCors } from '../../../server/src/middleware/extension-cors';
import { makeTestApp } from '../../support/test-app';

const OURS = 'abcdefghijklmnopabcdefghijklmnop';
const FIREFOX = '6d3c2a1b-0f9e-4d8c-b7a6-5e4f3d2c1b0a';

function appWith(ids?: string[]) {
  return new Hono().use(extensionCors(ids)).get('/', (c) => c.text('ok'));
}

describe('extensionCors', () => {
  it('without EXTENSION_IDS admits any extension origin, as before, and no web origin', async () => {
    const app = appWith();
    for (const origin of [`chrome-extension://${OURS}`, 'chrome-extension://someoneelsesextensionidxxxxxxxxx', `moz-extension://${FIREFOX}`]) {
      expect((await app.request('/', { headers: { Origin: origin } })).headers.get('Access-Control-Allow-Origin'), origin).toBe(origin);
    }
    expect((await app.request('/', { headers: { Origin: 'https://evil.example' } })).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('with EXTENSION_IDS admits only those ids, on answers and preflights', async () => {
    const app = appWith([OURS, FIREFOX.toUpperCase()]);
    for (const origin of [`chrome-extension://${OURS}`, `moz-extension://${FIREFOX}`]) {
      const answer = await app.request('/', { headers: { Origin: origin } });
      expect(answer.headers.get('Access-Control-Allow-Origin'), origin).toBe(origin);
      expect(answer.headers.get('Vary')).toBe('Origin');
      const preflight = await app.request('/', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      expect(preflight.headers.get('Access-Control-Allow-Origin'), origin).toBe(origin);
    }
    for (const origin of ['chrome-extension://someoneelsesextensionidxxxxxxxxx', `chrome-extension://${OURS}x`, `chrome-extension://${OURS}.evil.example`, 'https://evil.example', 'null']) {
      const answer = await app.request('/', { headers: { Origin: origin } });
      expect(answer.headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
      expect(answer.headers.get('Vary')).toBe('Origin');
      const preflight = await app.request('/', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      expect(preflight.headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
      expect(preflight.headers.get('Access-Control-Allow-Methods'), origin).toBeNull();
    }
  });

  it('corsHeaders gives the shortcut the same headers the middleware sends', async () => {
    const ids = [OURS];
    const app = appWith(ids);
    const headersFor = corsHeaders(ids);
    for (const origin of [`chrome-extension://${OURS}`, 'chrome-extension://someoneelsesextensionidxxxxxxxxx', undefined]) {
      const answer = await app.request('/', { headers: origin ? { Origin: origin } : {} });
      for (const [name, value] of Object.entries(headersFor(origin))) expect(answer.headers.get(name), `${origin} ${name}`).toBe(value);
      expect(answer.headers.get('Access-Control-Allow-Origin')).toBe(headersFor(origin)['Access-Control-Allow-Origin'] ?? null);
    }
  });

  it('is wired to EXTENSION_IDS in the app, on content and events only', async () => {
    const t = await makeTestApp({ config: { extensionIds: [OURS] } });
    const admitted = await t.app.request('/api/v1/content', { headers: { Origin: `chrome-extension://${OURS}` } });
    expect(admitted.headers.get('Access-Control-Allow-Origin')).toBe(`chrome-extension://${OURS}`);
    const refused = await t.app.request('/api/v1/content', { headers: { Origin: 'chrome-extension://someoneelsesextensionidxxxxxxxxx' } });
    expect(refused.status).toBe(200);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const events = await t.app.request('/api/v1/events', { method: 'OPTIONS', headers: { Origin: 'chrome-extension://someoneelsesextensionidxxxxxxxxx' } });
    expect(events.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
