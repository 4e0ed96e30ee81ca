import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tests/support/start-server';
import { load, type LoadResult } from './load';
import { startBareHono } from './start-bare-hono';
import { round, summarize } from './summarize';

const notModified = (status: number) => status === 304;

/**
 * Requests/s for the extension's sync when nothing changed (`GET
 * /api/v1/content` with `If-None-Match`, answered 304), against a bare Hono
 * route answering 304 with nothing else, in turns, in the same run.
 */
export async function benchContentSync({ seconds = 10, connections = 50 } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-sync-'));
  const server = await startServer({ databasePath: join(folder, 'cc.db'), logFile: join(folder, 'server.log') });
  const bare = await startBareHono();
  try {
    const etag = (await fetch(`${server.url}/api/v1/content`)).headers.get('etag');
    if (!etag) throw new Error('the content route sent no ETag');
    // Short turns, alternating, and the median turn of each side: a slow patch of a noisy machine hits
    // both sides and moves neither median much.
    const turns = Math.max(2, Math.round(seconds / 2));
    const turn = seconds / turns;
    const real: LoadResult[] = [];
    const floor: LoadResult[] = [];
    for (let i = 0; i < turns; i++) {
      floor.push(await load({ url: `${bare.url}/constant`, seconds: turn, connections, expect: notModified }));
      real.push(await load({ url: `${server.url}/api/v1/content`, seconds: turn, connections, headers: { 'if-none-match': etag }, expect: notModified }));
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
    await bare.stop();
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
