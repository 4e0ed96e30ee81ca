import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// The floor for the content-sync benchmark: Hono on Node answering a constant, nothing else. The constant
// is the 304 the real server sends (its headers come in BARE_HEADERS), so both put the same bytes on the
// wire and the load generator, on the same cores, does the same work for either.
const headers = JSON.parse(process.env.BARE_HEADERS ?? '{}') as Record<string, string>;
// A Response with a plain header object is the quickest answer @hono/node-server writes (c.body would build a Headers).
const app = new Hono().get('/constant', () => new Response(null, { status: 304, headers }));
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
