import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoadBalancer, type LoadBalancer } from '../../tests/support/load-balancer';
import { startServer, type RunningServer } from '../../tests/support/start-server';
import { load, type LoadResult } from './load';
import { eventMaker } from './make-events';
import { newDatabase, type PostgresCluster } from './postgres';
import { round, summarize } from './summarize';

const BATCH = 20;
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const notModified = (status: number) => status === 304;

/**
 * One server instance against three, on one PostgreSQL, each behind the
 * same nginx configuration (tests/support/load-balancer: round robin, one
 * worker): one nginx in front of one of the three processes, another in
 * front of all three, driven by the same load generator in alternating
 * turns of the same run (the median turn of each). Ingest (batches of 20)
 * and the unchanged content sync (304). On one machine the instances share
 * its cores with PostgreSQL, nginx and the load generator: what this shows
 * is what a second and third process cost or add there, not what three
 * machines would.
 */
export async function benchInstances(cluster: PostgresCluster, { seconds = 10, connections = 50, installs = 5000 } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-instances-'));
  const turns = Math.max(2, Math.round(seconds / 2));
  const turn = seconds / turns;
  const url = await newDatabase(cluster, 'instances');
  const servers: RunningServer[] = [];
  const balancers: LoadBalancer[] = [];
  try {
    // One after another: the first migrates (nothing to do here) and seeds the content the others find.
    for (let i = 0; i < 3; i++) {
      servers.push(
        await startServer({
          databasePath: join(folder, 'unused.db'),
          env: { DATABASE_URL: url, RATE_LIMIT_EVENTS_PER_MINUTE: '0' },
          logFile: join(folder, `server-${i}.log`),
        }),
      );
    }
    const upstream = (server: RunningServer) => ({ host: '127.0.0.1', port: server.port });
    const one = await startLoadBalancer([upstream(servers[0]!)]);
    balancers.push(one);
    const three = await startLoadBalancer(servers.map(upstream));
    balancers.push(three);

    const maker = eventMaker(installs, 3);
    const ingest = async (balancer: LoadBalancer, perSecond: number) => {
      const bodies = Array.from({ length: Math.ceil((perSecond / BATCH) * turn * 1.5) }, () => JSON.stringify({ events: maker.batchFromOneInstall(BATCH, Date.now()) }));
      return load({
        url: `${balancer.url}/api/v1/events`,
        method: 'POST',
        seconds: turn,
        connections,
        headers: { 'content-type': 'application/json' },
        body: () => bodies.pop() ?? JSON.stringify({ events: maker.batchFromOneInstall(BATCH, Date.now()) }),
      });
    };
    const etag = (await fetch(`${three.url}/api/v1/content`)).headers.get('etag');
    if (!etag) throw new Error('the content route sent no ETag');
    const sync = (balancer: LoadBalancer) =>
      load({ url: `${balancer.url}/api/v1/content`, seconds: turn, connections, headers: { origin: ORIGIN, 'if-none-match': etag }, expect: notModified });

    const runs = { ingestOne: [] as LoadResult[], ingestThree: [] as LoadResult[], syncOne: [] as LoadResult[], syncThree: [] as LoadResult[] };
    let rate = 10_000;
    for (let i = 0; i < turns; i++) {
      runs.ingestOne.push(await ingest(one, rate));
      runs.ingestThree.push(await ingest(three, rate));
      rate = Math.max(...[runs.ingestOne, runs.ingestThree].map((r) => r.at(-1)!.requestsPerSecond * BATCH));
      runs.syncOne.push(await sync(one));
      runs.syncThree.push(await sync(three));
    }
    const median = (results: LoadResult[], per = 1) => round(summarize(results.map((r) => r.requestsPerSecond * per)).median);
    const wrong = Object.values(runs).flat().reduce((sum, r) => sum + r.notOk + r.errors + r.timeouts, 0);
    const ingestOne = median(runs.ingestOne, BATCH);
    const ingestThree = median(runs.ingestThree, BATCH);
    const syncOne = median(runs.syncOne);
    const syncThree = median(runs.syncThree);
    return {
      ingest: { oneEventsPerSecond: ingestOne, threeEventsPerSecond: ingestThree, ratio: round(ingestThree / ingestOne), latencyMs: { one: runs.ingestOne.at(-1)!.latencyMs, three: runs.ingestThree.at(-1)!.latencyMs } },
      sync: { oneRequestsPerSecond: syncOne, threeRequestsPerSecond: syncThree, ratio: round(syncThree / syncOne) },
      failed: wrong,
      turns,
      connections,
      seconds,
    };
  } finally {
    for (const balancer of balancers) await balancer.stop();
    for (const server of servers) await server.stop();
    await cluster.dropDatabase('instances');
    rmSync(folder, { recursive: true, force: true });
  }
}
