import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// The floor for the content-sync benchmark: Hono on Node answering a constant, nothing else.
const app = new Hono().get('/constant', (c) => c.body(null, 304));
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
