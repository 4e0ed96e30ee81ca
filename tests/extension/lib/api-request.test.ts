// @vitest-environment node
// Node's own fetch and AbortSignal, as in a browser's extension pages: happy-dom's fetch would apply a web page's CORS rules.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiJson, apiRequest, type ApiDeps } from '../../../extension/lib/api-request';
import { effectiveProfile } from '../../../extension/lib/profile';
import { EventBatchResultSchema } from '../../../shared/src/schemas/usage-event';

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on loopback; each test says how it answers. */
let server: Server;
let serverUrl: string;
let handler: Handler;
const seen: Seen[] = [];
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
    open.add(res);
    res.on('close', () => open.delete(res));
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
  // A hung answer from the test before must not hold this one.
  for (const res of open) res.destroy();
});

const NOW = Date.parse('2026-11-23T10:00:00Z');
function deps(options: { enrollmentKey?: string; url?: string; timeoutMs?: number } = {}): ApiDeps {
  return {
    fetch: globalThis.fetch,
    profile: async () => effectiveProfile({ serverUrl: options.url ?? serverUrl, enrollmentKey: options.enrollmentKey ?? '', usageStatistics: true }, {}),
    timeoutMs: options.timeoutMs ?? 2000,
    now: () => NOW,
  };
}
const answer = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const apiError = (code: string, message: string, issues?: { path: string; message: string }[]) => ({ error: { code, message, ...(issues && { issues }) } });

describe('apiRequest', () => {
  it('asks the configured server with the enrollment key and the caller’s own headers, and reads the answer against the contract', async () => {
    handler = answer(200, { accepted: 2, duplicates: 0 }, { ETag: '"g1"' });
    const reply = await apiRequest(deps({ enrollmentKey: 'company-key' }), '/api/v1/recognition/entries/e-1', { headers: { 'X-Entry-Receipt': 'r'.repeat(43) } });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('ETag')).toBe('"g1"');
    expect(await reply.read(EventBatchResultSchema)).toEqual({ ok: true, value: { accepted: 2, duplicates: 0 } });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/v1/recognition/entries/e-1', headers: { authorization: 'Bearer company-key', 'x-entry-receipt': 'r'.repeat(43) } });
  });

  it('sends no Authorization header when there is no enrollment key', async () => {
    handler = answer(200, { accepted: 2, duplicates: 0 });
    await apiJson(deps(), '/api/v1/voice', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text":"hi"}' }, EventBatchResultSchema);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/v1/voice', body: '{"text":"hi"}', headers: { 'content-type': 'application/json' } });
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('passes a 304 to If-None-Match through as an answer, not a failure', async () => {
    handler = (req, res) => {
      res.writeHead(req.headers['if-none-match'] === '"v7"' ? 304 : 200, { ETag: '"v7"' });
      res.end();
    };
    const reply = await apiRequest(deps(), '/api/v1/content', { headers: { 'If-None-Match': '"v7"' } });
    expect(reply).toMatchObject({ ok: true, status: 304 });
  });

  it('gives up on a server that does not answer, and on one that stops half-way through its answer', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    expect(await apiRequest(deps({ timeoutMs: 200 }), '/api/v1/content')).toEqual({ ok: false, kind: 'timeout', message: `The server at ${serverUrl} did not answer within 0.2 s.` });
    expect(Date.now() - started).toBeLessThan(1500);

    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"accepted":'); // …and nothing more
    };
    const reply = await apiRequest(deps({ timeoutMs: 200 }), '/api/v1/content');
    if (!reply.ok) throw new Error(reply.message);
    expect(await reply.read(EventBatchResultSchema)).toMatchObject({ ok: false, kind: 'timeout', message: `The server at ${serverUrl} did not answer within 0.2 s.` });
  });

  it('says the server cannot be reached when nothing listens there, or its address is not one', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const nowhere = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    expect(await apiRequest(deps({ url: nowhere }), '/api/v1/content')).toEqual({
      ok: false,
      kind: 'offline',
      message: `Cannot reach the server at ${nowhere}: you may be offline, or it may be down.`,
    });
    expect(await apiRequest(deps({ url: 'cx server' }), '/api/v1/content')).toEqual({
      ok: false,
      kind: 'offline',
      message: 'The server address “cx server” is not a web address. Check it in the extension’s settings.',
    });
  });

  it('reads Retry-After given in seconds into the wait, and says it', async () => {
    handler = answer(429, apiError('rate_limited', 'Too many events from this network address.'), { 'Retry-After': '120' });
    expect(await apiRequest(deps(), '/api/v1/events', { method: 'POST', body: '{}' })).toEqual({
      ok: false,
      kind: 'rate-limited',
      status: 429,
      retryAfterMs: 120_000,
      message: 'Too many events from this network address. The server asked to wait 2 min.',
    });
  });

  it('reads Retry-After given as an HTTP date into the wait from now; a date gone by is no wait, a header it cannot read none', async () => {
    handler = answer(503, apiError('internal', 'Down for maintenance.'), { 'Retry-After': 'Mon, 23 Nov 2026 11:30:00 GMT' });
    expect(await apiRequest(deps(), '/api/v1/content')).toEqual({
      ok: false,
      kind: 'server-error',
      status: 503,
      retryAfterMs: 90 * 60_000,
      message: 'The server answered 503 Service Unavailable: Down for maintenance. The server asked to wait 90 min.',
    });
    handler = answer(503, '', { 'Retry-After': 'Mon, 23 Nov 2026 09:00:00 GMT' });
    expect(await apiRequest(deps(), '/api/v1/content')).toMatchObject({ retryAfterMs: 0, message: 'The server answered 503 Service Unavailable. The server asked to wait 0 s.' });
    handler = answer(429, '', { 'Retry-After': 'soon' });
    const unreadable = await apiRequest(deps(), '/api/v1/content');
    expect(unreadable).toEqual({ ok: false, kind: 'rate-limited', status: 429, message: 'The server answered 429 Too Many Requests.' });
  });

  it('gives the server’s own words for a refusal (the API’s error shape), with the fields it named', async () => {
    const issues = [{ path: 'team.name', message: 'must not be empty' }];
    handler = answer(400, apiError('invalid_request', 'team.name: must not be empty', issues));
    expect(await apiJson(deps(), '/api/v1/recognition/entries', { method: 'POST', body: '{}' }, EventBatchResultSchema)).toEqual({
      ok: false,
      kind: 'refused',
      status: 400,
      message: 'team.name: must not be empty',
      issues,
    });
    handler = answer(404, apiError('not_found', 'There is no such entry.'));
    expect(await apiRequest(deps(), '/api/v1/recognition/entries/e-x')).toEqual({ ok: false, kind: 'refused', status: 404, message: 'There is no such entry.' });
  });

  it('says a plain status when the refusal is not in the API’s error shape (a proxy’s page)', async () => {
    handler = answer(404, '<html>Not here</html>', { 'Content-Type': 'text/html' });
    expect(await apiRequest(deps(), '/api/v1/content')).toEqual({ ok: false, kind: 'refused', status: 404, message: 'The server answered 404 Not Found.' });
    handler = answer(502, '<html>Bad gateway</html>', { 'Content-Type': 'text/html' });
    expect(await apiRequest(deps(), '/api/v1/content')).toEqual({ ok: false, kind: 'server-error', status: 502, message: 'The server answered 502 Bad Gateway.' });
    handler = answer(500, apiError('internal', 'Something went wrong on our side.'));
    expect(await apiRequest(deps(), '/api/v1/content')).toMatchObject({ kind: 'server-error', message: 'The server answered 500 Internal Server Error: Something went wrong on our side.' });
  });

  it('says the enrollment key was refused and where to fix it', async () => {
    handler = answer(401, apiError('unauthorized', 'The enrollment key is not valid.'), { 'WWW-Authenticate': 'Bearer realm="customer-chair"' });
    expect(await apiRequest(deps({ enrollmentKey: 'old-key' }), '/api/v1/content')).toEqual({
      ok: false,
      kind: 'unauthorized',
      status: 401,
      message: 'The server refused the enrollment key: The enrollment key is not valid. Check it in the extension’s settings.',
    });
    handler = answer(401, '');
    expect(await apiRequest(deps(), '/api/v1/content')).toMatchObject({ kind: 'unauthorized', message: 'The server refused the enrollment key (401). Check it in the extension’s settings.' });
  });

  it('says so when the answer is not JSON or not what the contract allows', async () => {
    handler = answer(200, '<html>A company intranet</html>', { 'Content-Type': 'text/html' });
    expect(await apiJson(deps(), '/api/v1/content', {}, EventBatchResultSchema)).toEqual({
      ok: false,
      kind: 'unreadable',
      status: 200,
      message: 'The server sent an answer that is not JSON. Is the server address right?',
    });
    handler = answer(200, { accepted: -1, duplicates: 0 });
    expect(await apiJson(deps(), '/api/v1/content', {}, EventBatchResultSchema)).toMatchObject({
      ok: false,
      kind: 'unreadable',
      message: expect.stringMatching(/^The server sent an answer this extension cannot read \(accepted: .+\)\. It may be a different version\.$/),
    });
  });
});
