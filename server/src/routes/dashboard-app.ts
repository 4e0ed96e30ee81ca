import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
};

/**
 * The CX dashboard's built files: `index.html` at `/` (always revalidated)
 * and fingerprinted assets under `/assets/` (cached for a year).
 */
export function dashboardAppRoutes(distDir: string) {
  return new Hono()
    .get('/', async (c) => {
      const html = await readFile(join(distDir, 'index.html'), 'utf8').catch(() => undefined);
      if (html === undefined) {
        return c.text('The dashboard is not built yet: run `pnpm --filter @customer-chair/server build` (or `pnpm start`).', 503);
      }
      c.header('Cache-Control', 'no-cache');
      return c.html(html);
    })
    .get('/assets/:name', async (c) => {
      const name = c.req.param('name');
      const type = TYPES[name.split('.').pop() ?? ''];
      // Only plain file names: nothing can climb out of the assets folder.
      if (!/^[\w.-]+$/.test(name) || name.startsWith('.') || !type) return c.notFound();
      const body = await readFile(join(distDir, 'assets', name)).catch(() => undefined);
      if (!body) return c.notFound();
      c.header('Content-Type', type);
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(body);
    });
}
