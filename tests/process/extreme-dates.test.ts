import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/start-server';

// Once, `?from=0000-01-01&to=0000-01-31` (or a range touching 9999-12-27..31) made
// the week arithmetic stand still: the server looped for ever, /health went
// silent and SIGTERM was ignored. Every range-taking route must now answer 400
// quickly, naming the field, while the server keeps answering everyone else.

const folder = mkdtempSync(join(tmpdir(), 'cc-extreme-dates-'));
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.kill();
  rmSync(folder, { recursive: true, force: true });
});

/** A query string and the field its 400 must name. */
const CASES: { query: string; field: 'from' | 'to' }[] = [
  { query: 'from=0000-01-01&to=0000-01-31', field: 'from' },
  { query: 'from=9999-12-27&to=9999-12-31', field: 'from' },
  { query: 'from=2026-01-01&to=9999-12-31', field: 'to' },
  { query: 'to=9999-12-31', field: 'to' },
  { query: 'to=0000-01-01', field: 'to' },
  { query: 'from=1999-12-31&to=2000-01-10', field: 'from' },
  { query: 'from=2100-12-20&to=2101-01-01', field: 'to' },
  { query: 'from=2026-02-10&to=2026-02-01', field: 'from' },
  { query: 'from=10000-01-01&to=10000-01-31', field: 'from' },
  { query: 'to=10000-01-01', field: 'to' },
  { query: 'from=2026-1-1&to=2026-01-31', field: 'from' },
  { query: 'from=2026-02-30&to=2026-03-10', field: 'from' },
  { query: 'from=2026-01-01&to=garbage', field: 'to' },
  { query: 'to=garbage', field: 'to' },
  { query: 'to=2026-13-01', field: 'to' },
  { query: 'from=2025-01-01&to=2026-12-31', field: 'to' },
];

const ROUTES = [
  { path: '/api/v1/stats', auth: 'bearer' },
  { path: '/api/v1/stats.csv', auth: 'bearer' },
  { path: '/api/v1/stats.csv?view=departments', auth: 'bearer' },
  { path: '/api/v1/stats.csv?view=weekly', auth: 'bearer' },
  { path: '/api/v1/dashboard/overview', auth: 'session' },
  { path: '/api/v1/dashboard/departments/sales', auth: 'session' },
] as const;

async function sessionCookie(running: RunningServer): Promise<string> {
  const response = await fetch(`${running.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: running.adminToken }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('Set-Cookie')!.split(';')[0]!;
}

describe('extreme dates on every range-taking route', () => {
  it('answer 400 naming the field within seconds, /health keeps answering, and SIGTERM still stops the server', async () => {
    server = await startServer({ databasePath: join(folder, 'cc.db') });
    const running = server;
    const headers = { bearer: { Authorization: `Bearer ${running.adminToken}` }, session: { Cookie: await sessionCookie(running) } };

    // /health every 50 ms for as long as the burst lasts: each must come back 200, and promptly.
    let bursting = true;
    const healthChecks: Promise<number>[] = [];
    const poller = (async () => {
      while (bursting) {
        healthChecks.push(fetch(`${running.url}/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const requests = ROUTES.flatMap((route) =>
      CASES.map(async ({ query, field }) => {
        const url = `${running.url}${route.path}${route.path.includes('?') ? '&' : '?'}${query}`;
        const started = performance.now();
        const response = await fetch(url, { headers: headers[route.auth], signal: AbortSignal.timeout(3_000) });
        const body = (await response.json()) as { error: { code: string; issues?: { path: string; message: string }[] } };
        return { url, field, status: response.status, ms: performance.now() - started, code: body.error?.code, fields: body.error?.issues?.map((i) => i.path) ?? [] };
      }),
    );
    const answers = await Promise.all(requests);
    bursting = false;
    await poller;

    for (const answer of answers) {
      expect(answer, answer.url).toMatchObject({ status: 400, code: 'invalid_request' });
      expect(answer.fields, answer.url).toContain(answer.field);
      expect(answer.ms, answer.url).toBeLessThan(2_000);
    }
    expect(healthChecks.length).toBeGreaterThan(0);
    expect(await Promise.all(healthChecks)).toEqual(healthChecks.map(() => 200));

    // The window's message reaches the client as it is.
    const old = await fetch(`${running.url}/api/v1/stats?from=0000-01-01&to=0000-01-31`, { headers: headers.bearer });
    expect(JSON.stringify(await old.json())).toContain('must be a day between 2000-01-01 and 2100-12-31');

    // The days at the window's edges still answer, quickly.
    const edges = await fetch(`${running.url}/api/v1/stats?from=2100-12-01&to=2100-12-31`, { headers: headers.bearer, signal: AbortSignal.timeout(3_000) });
    expect(edges.status).toBe(200);
    const first = await fetch(`${running.url}/api/v1/stats.csv?view=weekly&from=2000-01-01&to=2000-01-31`, { headers: headers.bearer, signal: AbortSignal.timeout(3_000) });
    expect(first.status).toBe(200);

    // And the process still obeys SIGTERM: it exits by itself, well before the helper's SIGKILL.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      running.process.once('exit', (code, signal) => resolve({ code, signal })),
    );
    running.process.kill('SIGTERM');
    const result = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 5_000))]);
    expect(result).toEqual({ code: 0, signal: null });
  });
});
