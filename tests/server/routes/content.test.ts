import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentBundleSchema } from '../../../shared/src/schemas/content-bundle';
import { setScheduledStory } from '../../../server/src/storage/queries/set-scheduled-story';
import { sql } from '../../../server/src/storage/sql';
import { makeTestApp } from '../../support/test-app';
import { openSecondStorage } from '../../support/test-storage';

describe('GET /api/v1/content', () => {
  it('serves the seeded demo bundle, valid by the shared schema, in the company time zone', async () => {
    const { app } = await makeTestApp({ config: { timezone: 'Europe/Paris' } });
    const response = await app.request('/api/v1/content');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    const bundle = ContentBundleSchema.parse(await response.json());
    expect(bundle.version).toBe(1);
    expect(bundle.timezone).toBe('Europe/Paris');
    expect(bundle.stories.length).toBeGreaterThanOrEqual(14);
    expect(bundle.prompts.map((p) => p.text)).toContain('Did customers tell us they want this?');
  });

  it('sends a strong ETag and answers a matching If-None-Match with an empty 304', async () => {
    const { app } = await makeTestApp();
    const first = await app.request('/api/v1/content');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"v1-[A-Za-z0-9_-]+"$/);
    const again = await app.request('/api/v1/content', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    const listed = await app.request('/api/v1/content', { headers: { 'If-None-Match': `"other", ${etag}` } });
    expect(listed.status).toBe(304);
    const stale = await app.request('/api/v1/content', { headers: { 'If-None-Match': '"v0-old"' } });
    expect(stale.status).toBe(200);
  });

  it('gives a new ETag and the new content after a content change', async () => {
    const { app, storage, clock } = await makeTestApp();
    const before = await app.request('/api/v1/content');
    const oldTag = before.headers.get('ETag')!;
    const storyId = ((await before.json()) as { stories: { id: string }[] }).stories[3]!.id;
    await setScheduledStory(storage, '2026-11-24', storyId, clock.now());
    const after = await app.request('/api/v1/content', { headers: { 'If-None-Match': oldTag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(oldTag);
    const bundle = ContentBundleSchema.parse(await after.json());
    expect(bundle.version).toBe(2);
    expect(bundle.schedule['2026-11-24']).toBe(storyId);
  });

  it('sees a change another process or instance committed to the database', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cc-content-'));
    try {
      const databasePath = join(folder, 'cc.db');
      const { app, storage, clock } = await makeTestApp({ databasePath });
      const before = await app.request('/api/v1/content');
      const oldTag = before.headers.get('ETag')!;
      const storyId = ((await before.json()) as { stories: { id: string }[] }).stories[3]!.id;
      // Another connection, as a second process, an operator's tool or (on PostgreSQL) another instance would be.
      const other = await openSecondStorage(storage);
      await setScheduledStory(other, '2026-11-24', storyId, clock.now());
      await other.close();
      const after = await app.request('/api/v1/content', { headers: { 'If-None-Match': oldTag } });
      expect(after.status).toBe(200);
      expect(ContentBundleSchema.parse(await after.json()).schedule['2026-11-24']).toBe(storyId);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('renders the bundle once per version, not per request', async () => {
    const { app, storage } = await makeTestApp();
    const first = await (await app.request('/api/v1/content')).text();
    // A change that skips the version bump is invisible: the cached rendering is served.
    await storage.run(sql`UPDATE stories SET title = 'Changed behind the cache'`);
    expect(await (await app.request('/api/v1/content')).text()).toBe(first);
  });

  it('needs the enrollment key when one is set', async () => {
    const { app } = await makeTestApp({ config: { enrollmentKey: 'company-key-123' } });
    expect((await app.request('/api/v1/content')).status).toBe(401);
    expect((await app.request('/api/v1/content', { headers: { Authorization: 'Bearer nope-nope-nope' } })).status).toBe(401);
    expect((await app.request('/api/v1/content', { headers: { Authorization: 'Bearer company-key-123' } })).status).toBe(200);
  });

  it('exposes the ETag to the extension across origins', async () => {
    const { app } = await makeTestApp();
    const response = await app.request('/api/v1/content', { headers: { Origin: 'moz-extension://0f6a3c1e-1111-2222-3333-444455556666' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('moz-extension://0f6a3c1e-1111-2222-3333-444455556666');
    expect(response.headers.get('Access-Control-Expose-Headers')).toMatch(/ETag/);
  });
});
