import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { effectiveProfile } from '../../../extension/lib/profile';
import { validation } from '../../../extension/lib/storage';
import { syncValidation } from '../../../extension/lib/sync-validation';
import type { ValidationFigures } from '../../../shared/src/schemas/validation';

const figures = (department: string, actions = 37): ValidationFigures => ({
  department,
  day: '2026-12-02',
  thisWeek: { from: '2026-11-30', actions },
  lastWeek: { from: '2026-11-23', actions: 21 },
  thisMonth: null,
  generatedAt: '2026-12-02T10:00:00.000Z',
});
const requests: { url: string; headers: Record<string, string> }[] = [];
let now = Date.parse('2026-12-02T10:00:00Z');

function deps(reply: () => Response | Promise<Response>, profile: { department?: string; enrollmentKey?: string } = {}) {
  return {
    now: () => now,
    profile: async () =>
      effectiveProfile({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: profile.enrollmentKey ?? '', usageStatistics: true, role: 'engineer', department: 'department' in profile ? profile.department : 'manufacturing' }, {}),
    fetch: (async (url: URL, init: RequestInit) => {
      requests.push({ url: String(url), headers: init.headers as Record<string, string> });
      return reply();
    }) as unknown as typeof fetch,
  };
}
const ok = (body: unknown, etag = '"val-1"') => () => new Response(JSON.stringify(body), { status: 200, headers: { ETag: etag } });

beforeEach(() => {
  fakeBrowser.reset();
  requests.length = 0;
  now = Date.parse('2026-12-02T10:00:00Z');
});

describe('syncValidation', () => {
  it('asks for the own department only, with the enrollment key, and keeps the figures with their ETag', async () => {
    expect(await syncValidation(deps(ok(figures('manufacturing')), { enrollmentKey: 'company-key' }))).toEqual({ result: 'updated' });
    expect(requests[0]!.url).toBe('http://127.0.0.1:8787/api/v1/validation?department=manufacturing');
    expect(requests[0]!.headers).toEqual({ Authorization: 'Bearer company-key' });
    expect(await validation.getValue()).toEqual({ department: 'manufacturing', figures: figures('manufacturing'), etag: '"val-1"', fetchedAt: '2026-12-02T10:00:00.000Z' });
  });

  it('asks with If-None-Match and keeps the figures on 304', async () => {
    await syncValidation(deps(ok(figures('manufacturing'))));
    now += 30 * 60_000;
    expect(await syncValidation(deps(() => new Response(null, { status: 304 })))).toEqual({ result: 'unchanged' });
    expect(requests[1]!.headers['If-None-Match']).toBe('"val-1"');
    expect(await validation.getValue()).toMatchObject({ figures: figures('manufacturing'), etag: '"val-1"', fetchedAt: '2026-12-02T10:30:00.000Z' });
  });

  it('does not send another department’s ETag after the department changed', async () => {
    await syncValidation(deps(ok(figures('manufacturing'))));
    await syncValidation(deps(ok(figures('legal'), '"val-2"'), { department: 'legal' }));
    expect(requests[1]!.url).toBe('http://127.0.0.1:8787/api/v1/validation?department=legal');
    expect(requests[1]!.headers['If-None-Match']).toBeUndefined();
    expect(await validation.getValue()).toMatchObject({ department: 'legal', etag: '"val-2"' });
  });

  it('keeps the last figures when the server is down, refuses, hangs or answers what the contract does not allow', async () => {
    await syncValidation(deps(ok(figures('manufacturing'))));
    const kept = await validation.getValue();

    expect(await syncValidation(deps(() => Promise.reject(new TypeError('Failed to fetch'))))).toMatchObject({ result: 'error', error: expect.stringMatching(/Cannot reach/) });
    expect(await syncValidation(deps(() => new Response('{}', { status: 401 })))).toMatchObject({ error: expect.stringMatching(/enrollment key/) });
    expect(await syncValidation(deps(() => new Response('{}', { status: 500 })))).toMatchObject({ error: expect.stringMatching(/The server answered 500\./) });
    expect(await syncValidation(deps(() => new Response('not json', { status: 200 })))).toMatchObject({ error: expect.stringMatching(/not JSON/) });
    expect(await syncValidation(deps(ok({ ...figures('manufacturing'), thisWeek: { from: '2026-11-30', actions: -1 } })))).toMatchObject({
      error: expect.stringMatching(/cannot read \(thisWeek\.actions/),
    });
    expect(await syncValidation(deps(ok(figures('legal'))))).toMatchObject({ error: expect.stringMatching(/another department/) });
    const hung = {
      ...deps(() => new Response()),
      timeoutMs: 50,
      fetch: ((_url: URL, init: RequestInit) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof fetch,
    };
    expect(await syncValidation(hung)).toMatchObject({ result: 'error', error: expect.stringMatching(/did not answer within 0\.05 s/) });

    expect(await validation.getValue()).toEqual(kept);
  });

  it('asks nothing before a department is chosen', async () => {
    expect(await syncValidation(deps(ok(figures('manufacturing')), { department: undefined }))).toEqual({ result: 'skipped' });
    expect(requests).toHaveLength(0);
  });
});
