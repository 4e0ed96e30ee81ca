import fc from 'fast-check';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveApp } from '../../server/src/http/serve-app';
import { databaseChecksum } from '../support/database-checksum';
import { makeEvent } from '../support/make-event';
import { makeTestApp } from '../support/test-app';

/**
 * The same app over real HTTP on loopback, served as main.ts serves it (the
 * unchanged-sync shortcut in front): what app.request() cannot send —
 * bodies cut short mid-stream, lying Content-Length, broken chunked encoding,
 * bytes that are not UTF-8, many clients at once.
 */
const t = await makeTestApp({ config: { rateLimitEventsPerMinute: 0 }, now: new Date().toISOString() });
let server: Server;
let port: number;

beforeAll(async () => {
  server = serveApp(t.app, { storage: t.storage, clock: t.clock, config: t.config }, { port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Writes raw bytes, optionally hangs up early; answers the status line the server sent (or '' if none). */
function raw(request: string | Buffer, hangUp = false): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', () => undefined);
    socket.write(request, () => {
      if (hangUp) socket.destroy();
      else socket.end();
    });
  });
}

async function healthy() {
  const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5000) });
  expect(response.status).toBe(200);
}

describe('abuse over real HTTP', () => {
  it('survives truncated, lying, broken and non-UTF-8 requests, changing nothing', async () => {
    // Watched, not replaced: the server must not report any of these as its own failure.
    const errors = vi.spyOn(console, 'error');
    const before = await databaseChecksum(t.storage);
    const batch = JSON.stringify({ events: [makeEvent({ at: new Date().toISOString() })] });
    const head = (length: number | string, extra = '') =>
      `POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n${extra}\r\n`;
    const answers = await Promise.all([
      // Promised 10 000 bytes, sent 40, hung up.
      raw(head(10_000) + batch.slice(0, 40), true),
      // Promised more than sent, then half-closed: the body never completes.
      raw(head(batch.length + 50) + batch),
      // Broken chunked encoding.
      raw(`POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n${batch}\r\n0\r\n\r\n`),
      // Both Content-Length and chunked (request smuggling shape).
      raw(`POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`),
      // Bytes that are not UTF-8 inside a JSON string.
      raw(Buffer.concat([Buffer.from(head(20)), Buffer.from('{"events":["\xff\xfe\xc3"]}', 'latin1')])),
      // A header section of 100 KB.
      raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`),
      // Not HTTP at all.
      raw('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 hello, I am TLS\r\n\r\n'),
      // A 3 MB body to the admin API with a valid token: refused before it is read.
      raw(
        `PUT /api/v1/admin/settings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-admin-token-0123456789abcdef\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n` +
          'x'.repeat(3_000_000),
      ),
    ]);
    for (const status of answers) expect(status).not.toMatch(/^HTTP\/1\.1 5/);
    expect(answers[7]).toMatch(/^HTTP\/1\.1 413/);
    expect(errors.mock.calls.filter(([first]) => String(first).includes('unhandled'))).toEqual([]);
    errors.mockRestore();
    expect(await databaseChecksum(t.storage)).toBe(before);
    await healthy();
  });

  it('answers odd conditional syncs, sent raw, as the app would: 304 only for the current ETag', async () => {
    const etag = (await fetch(`http://127.0.0.1:${port}/api/v1/content`)).headers.get('etag')!;
    const sync = (headers: string, path = '/api/v1/content') => raw(`GET ${path} HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`);
    const answers = await Promise.all([
      sync(`If-None-Match: ${etag}\r\n`),
      // The header twice: Node joins the values, and one of them names the version.
      sync(`If-None-Match: "v0-old"\r\nIf-None-Match: ${etag}\r\n`),
      sync(`If-None-Match: W/${etag}\r\n`),
      sync('If-None-Match: *\r\n'),
      sync(`If-None-Match: ${'"x", '.repeat(2000)}"y"\r\n`),
      sync('If-None-Match: \r\n'),
      sync(`If-None-Match: ${etag.slice(0, -1)}\r\n`),
      sync(`If-None-Match: ${etag}\r\n`, '/api/v1/content?'),
      sync(`If-None-Match: ${etag}\r\n`, '/API/v1/content'),
      sync(`If-None-Match: ${etag}\r\nOrigin: chrome-extension://${'a'.repeat(5000)}\r\n`),
    ]);
    expect(answers.map((line) => line.slice(9, 12))).toEqual(['304', '304', '304', '304', '200', '200', '200', '304', '404', '304']);
    await healthy();
  });

  it('answers many concurrent generated requests without a 5xx', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            path: fc.constantFrom('/api/v1/events', '/api/v1/content', '/api/v1/session', '/api/v1/admin/stories', '/api/v1/admin/import?mode=apply', '/health'),
            method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
            body: fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ unit: 'binary' })),
          }),
          { minLength: 20, maxLength: 40 },
        ),
        async (requests) => {
          const answers = await Promise.all(
            requests.map(({ path, method, body }) => {
              cases++;
              return fetch(`http://127.0.0.1:${port}${path}`, {
                method,
                headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test-admin-token-0123456789abcdef' },
                body: method === 'GET' ? undefined : body,
                signal: AbortSignal.timeout(10_000),
              }).then(async (r) => (await r.arrayBuffer(), r.status));
            }),
          );
          expect(answers.filter((s) => s >= 500)).toEqual([]);
        },
      ),
      { numRuns: 10, seed: 42 },
    );
    console.log(`http abuse: ${cases} concurrent generated requests over loopback, none answered 5xx`);
    await healthy();
  });
});
