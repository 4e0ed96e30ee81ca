import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tests/support/start-server';
import { load, type LoadResult } from './load';
import { startBareHono } from './start-bare-hono';
import { round, summarize } from './summarize';

const notModified = (status: number) => status === 304;
/** Extensions call from their own origin; the server answers it with CORS headers. */
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
/** Headers Node adds to every answer, bare Hono's too. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive']);

/**
 * Requests/s for the extension's sync when nothing changed (`GET
 * /api/v1/content` with `If-None-Match`, from an extension's origin,
 * answered 304), against a bare Hono route answering the very same 304 as a
 * constant, in turns, in the same run.
 */
export async function benchContentSync({ seconds = 10, connections = 50 } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-sync-'));
  const server = await startServer({ databasePath: join(folder, 'cc.db'), logFile: join(folder, 'server.log') });
  let bare: Awaited<ReturnType<typeof startBareHono>> | undefined;
  try {
    const etag = (await fetch(`${server.url}/api/v1/content`)).headers.get('etag');
    if (!etag) throw new Error('the content route sent no ETag');
    const headers = { origin: ORIGIN, 'if-none-match': etag };
    // The floor answers the same 304, headers and all, as a constant.
    const answer = await fetch(`${server.url}/api/v1/content`, { headers });
    if (answer.status !== 304) throw new Error(`the content route answered ${answer.status}, not 304`);
    bare = await startBareHono(Object.fromEntries([...answer.headers].filter(([name]) => !PER_CONNECTION.has(name))));
    // Short turns, alternating, and the median turn of each side: a slow patch of a noisy machine hits
    // both sides and moves neither median much.
    const turns = Math.max(2, Math.round(seconds / 2));
    const turn = seconds / turns;
    const real: LoadResult[] = [];
    const floor: LoadResult[] = [];
    for (let i = 0; i < turns; i++) {
      floor.push(await load({ url: `${bare.url}/constant`, seconds: turn, connections, headers, expect: notModified }));
      real.push(await load({ url: `${server.url}/api/v1/content`, seconds: turn, connections, headers, expect: notModified }));
    }
    const rate = (runs: LoadResult[]) => summarize(runs.map((r) => r.requestsPerSecond)).median;
    const wrong = real.reduce((sum, r) => sum + r.notOk, 0);
    if (wrong > 0) throw new Error(`${wrong} content requests were not answered 304`);
    return {
      contentRequestsPerSecond: round(rate(real)),
      bareHonoRequestsPerSecond: round(rate(floor)),
      ratio: round(rate(real) / rate(floor)),
      latencyMs: real[real.length - 1]!.latencyMs,
      turns,
      connections,
      seconds,
    };
  } finally {
    await bare?.stop();
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
