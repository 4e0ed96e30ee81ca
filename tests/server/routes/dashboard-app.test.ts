import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../support/test-app';

const dist = mkdtempSync(join(tmpdir(), 'cc-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>dashboard</title><script type="module" src="/assets/app-1.js"></script>');
writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
// A page's chunk, as Vite names it: fetched by import() when the page is first opened.
writeFileSync(join(dist, 'assets', 'story-editor-B7x_9aQ-.js'), 'export const StoryEditor = 1');
writeFileSync(join(dist, 'secret.txt'), 'not for the web');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the dashboard app', () => {
  it('serves index.html at / (revalidated) and fingerprinted assets (cached), under the CSP', async () => {
    const { app } = await makeTestApp({ config: { dashboardDir: dist } });
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('Cache-Control')).toBe('no-cache');
    expect(page.headers.get('Content-Security-Policy')).toMatch(/script-src 'self'/);
    expect(await page.text()).toContain('<title>dashboard</title>');
    const asset = await app.request('/assets/app-1.js');
    expect(asset.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('Cache-Control')).toMatch(/immutable/);
  });

  it("serves a page's chunk like the entry: JavaScript, cached for good, under a CSP that lets the page import it", async () => {
    const { app } = await makeTestApp({ config: { dashboardDir: dist } });
    const chunk = await app.request('/assets/story-editor-B7x_9aQ-.js');
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(chunk.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    // import() is a script fetch: script-src 'self' covers it; nothing inline or from elsewhere is needed.
    const csp = (await app.request('/')).headers.get('Content-Security-Policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('serves nothing outside the assets folder', async () => {
    const { app } = await makeTestApp({ config: { dashboardDir: dist } });
    for (const path of ['/assets/..%2Fsecret.txt', '/assets/../secret.txt', '/secret.txt', '/assets/missing.js']) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });

  it('says how to build the dashboard when it is missing', async () => {
    const { app } = await makeTestApp({ config: { dashboardDir: join(dist, 'nowhere') } });
    const response = await app.request('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/pnpm --filter @customer-chair\/server build/);
  });
});
