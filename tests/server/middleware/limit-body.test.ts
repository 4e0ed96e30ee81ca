import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitBody } from '../../../server/src/middleware/limit-body';

/** Over real HTTP: on Node the declared length is checked without building a Request; chunked bodies are counted. */
describe('limitBody', () => {
  let server: ServerType;
  let port: number;
  let handled = 0;

  beforeAll(async () => {
    const app = new Hono().post('/', limitBody(1024, 'send less.'), async (c) => {
      handled++;
      return c.json({ length: (await c.req.text()).length });
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function post(body: string, chunked: boolean): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      if (chunked) {
        // Sent in pieces, as a client streaming a body of unknown length would.
        for (let i = 0; i < body.length; i += 300) req.write(body.slice(i, i + 300));
      } else req.write(body);
      req.end();
    });
  }

  it('passes a body within the limit, declared or streamed', async () => {
    expect(await post('x'.repeat(1024), false)).toEqual({ status: 200, body: '{"length":1024}' });
    expect(await post('x'.repeat(1000), true)).toEqual({ status: 200, body: '{"length":1000}' });
  });

  it('refuses a declared length over the limit with 413 naming the limit, before the handler runs', async () => {
    const before = handled;
    const answer = await post('x'.repeat(1025), false);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toBe('The request body is larger than 1 KB; send less.');
    expect(handled).toBe(before);
  });

  it('refuses a streamed body once it passes the limit', async () => {
    const before = handled;
    const answer = await post('x'.repeat(5000), true);
    expect(answer.status).toBe(413);
    expect(handled).toBe(before);
  });
});
