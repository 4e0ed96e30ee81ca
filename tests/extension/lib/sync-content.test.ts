import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { demoBundle } from '../../../extension/lib/demo-bundle';
import { effectiveProfile } from '../../../extension/lib/profile';
import { cachedBundle, syncStatus } from '../../../extension/lib/storage';
import { syncContent } from '../../../extension/lib/sync-content';

const serverBundle = { ...demoBundle(), version: 7, generatedAt: '2026-11-23T09:00:00.000Z', timezone: 'Europe/Paris' };
const requests: { url: string; headers: Record<string, string> }[] = [];

function deps(reply: () => Response | Promise<Response>, enrollmentKey = '') {
  return {
    now: () => Date.parse('2026-11-23T10:00:00Z'),
    profile: async () => effectiveProfile({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey, usageStatistics: true }, {}),
    fetch: (async (url: URL, init: RequestInit) => {
      requests.push({ url: String(url), headers: init.headers as Record<string, string> });
      return reply();
    }) as unknown as typeof fetch,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  requests.length = 0;
});

describe('syncContent', () => {
  it('stores a valid bundle with its ETag, then asks with If-None-Match and keeps it on 304', async () => {
    const ok = () => new Response(JSON.stringify(serverBundle), { status: 200, headers: { ETag: '"v7-abc"' } });
    expect((await syncContent(deps(ok, 'company-key'))).result).toBe('updated');
    expect(requests[0]).toMatchObject({ url: 'http://127.0.0.1:8787/api/v1/content', headers: { Authorization: 'Bearer company-key' } });
    expect(await cachedBundle.getValue()).toMatchObject({ etag: '"v7-abc"', source: 'server', bundle: { version: 7 } });

    expect((await syncContent(deps(() => new Response(null, { status: 304 })))).result).toBe('unchanged');
    expect(requests[1]!.headers['If-None-Match']).toBe('"v7-abc"');
    expect((await cachedBundle.getValue())?.bundle.version).toBe(7);
  });

  it('keeps the last good bundle and records why when the answer is bad or missing', async () => {
    await cachedBundle.setValue({ bundle: serverBundle, etag: '"v7-abc"', source: 'server' });
    const invalid = () => new Response(JSON.stringify({ ...serverBundle, stories: [{ id: 'Bad Id' }] }), { status: 200 });
    const invalidStatus = await syncContent(deps(invalid));
    expect(invalidStatus).toMatchObject({ result: 'error' });
    expect(invalidStatus.error).toMatch(/^The server sent an answer this extension cannot read \(stories\.0\..* Keeping the last good content\.$/);

    const down = await syncContent(deps(() => Promise.reject(new TypeError('Failed to fetch'))));
    expect(down.error).toMatch(/Cannot reach the server at http:\/\/127\.0\.0\.1:8787/);

    const refused = await syncContent(deps(() => new Response('{}', { status: 401 })));
    expect(refused.error).toMatch(/enrollment key/);

    expect((await cachedBundle.getValue())?.bundle.version).toBe(7);
    expect((await syncStatus.getValue()).lastAttemptAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('does not send the ETag of the bundled demo content', async () => {
    await cachedBundle.setValue({ bundle: demoBundle(), source: 'demo' });
    await syncContent(deps(() => new Response(JSON.stringify(serverBundle), { status: 200 })));
    expect(requests[0]!.headers['If-None-Match']).toBeUndefined();
  });

  it('gives up on a server that does not answer and keeps the last good content', async () => {
    await cachedBundle.setValue({ bundle: serverBundle, etag: '"v7-abc"', source: 'server' });
    const hung = {
      ...deps(() => new Response()),
      timeoutMs: 50,
      fetch: ((_url: URL, init: RequestInit) =>
        new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof fetch,
    };
    const status = await syncContent(hung);
    expect(status).toMatchObject({ result: 'error', error: 'The server at http://127.0.0.1:8787 did not answer within 0.05 s. Keeping the last good content.' });
    expect((await cachedBundle.getValue())?.bundle.version).toBe(7);
  });
});
