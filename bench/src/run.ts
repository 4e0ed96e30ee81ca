import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchContentSync } from './content-sync';
import { benchIngest } from './ingest';
import { benchIngestPostgres } from './ingest-postgres';
import { benchInstances } from './instances';
import { describeMachine } from './machine';
import { benchNewTabPaint } from './new-tab-paint';
import { startBenchCluster } from './postgres';
import { benchStatsGrowth } from './stats-growth';
import { benchStatsInstalls } from './stats-installs';
import { benchStatsPostgres } from './stats-postgres';
import { formatReport, type BenchResults } from './format-report';

/** How big each benchmark is: `full` is what `pnpm bench` runs; `smoke` keeps the code from rotting in the tests. */
export const SIZES = {
  full: {
    newTab: { loads: 30 },
    ingest: { seconds: 10, connections: 50 },
    contentSync: { seconds: 10, connections: 50 },
    stats: { sizes: [100_000, 1_000_000, 10_000_000], requests: 200, dashboardLoads: 10 },
    ingestPostgres: { seconds: 10, connections: 50 },
    instances: { seconds: 10, connections: 50 },
    statsPostgres: { sizes: [100_000, 1_000_000, 10_000_000], requests: 200 },
    statsInstalls: { installs: 1_000_000, requests: 200 },
  },
  smoke: {
    newTab: { loads: 2 },
    ingest: { seconds: 1, connections: 4, installs: 50 },
    contentSync: { seconds: 1, connections: 4 },
    stats: { sizes: [2_000, 4_000], installs: 200, requests: 5, dashboardLoads: 1 },
    ingestPostgres: { seconds: 1, connections: 4, installs: 50 },
    instances: { seconds: 1, connections: 4, installs: 50 },
    statsPostgres: { sizes: [2_000, 4_000], installs: 200, requests: 5 },
    statsInstalls: { installs: 1_000, requests: 5 },
  },
} as const;

/** Runs every benchmark in turn (one at a time: they share the machine they measure). */
export async function runBenchmarks(size: keyof typeof SIZES, log: (line: string) => void = () => {}): Promise<BenchResults> {
  const s = SIZES[size];
  const started = new Date();
  log('new tab vs a static page…');
  const newTab = await benchNewTabPaint(s.newTab);
  log('ingest vs raw SQLite…');
  const ingest = await benchIngest(s.ingest);
  log('content sync vs bare Hono…');
  const contentSync = await benchContentSync(s.contentSync);
  log(`stats at ${s.stats.sizes.map((n) => n.toLocaleString('en')).join(', ')} events (generating them takes a while)…`);
  const stats = await benchStatsGrowth({ ...s.stats, sizes: [...s.stats.sizes] });
  // PostgreSQL: one throwaway cluster of this machine's PostgreSQL for the rest, a database per benchmark.
  log('PostgreSQL: starting a throwaway cluster…');
  const cluster = await startBenchCluster();
  try {
    log('ingest on PostgreSQL vs its event writer called directly…');
    const ingestPostgres = await benchIngestPostgres(cluster, s.ingestPostgres);
    log('one instance vs three behind nginx, on PostgreSQL…');
    const instances = await benchInstances(cluster, s.instances);
    log(`stats on PostgreSQL at ${s.statsPostgres.sizes.map((n) => n.toLocaleString('en')).join(', ')} events…`);
    const statsPostgres = await benchStatsPostgres(cluster, { ...s.statsPostgres, sizes: [...s.statsPostgres.sizes] });
    log(`stats at ${s.statsInstalls.installs.toLocaleString('en')} installs, PostgreSQL then SQLite…`);
    const statsInstalls = await benchStatsInstalls(cluster, s.statsInstalls);
    return {
      size,
      startedAt: started.toISOString(),
      seconds: Math.round((Date.now() - started.getTime()) / 1000),
      machine: describeMachine(),
      newTab,
      ingest,
      contentSync,
      stats,
      ingestPostgres,
      instances,
      statsPostgres,
      statsInstalls,
    };
  } finally {
    await cluster.remove();
  }
}

const RESULTS_FILE = fileURLToPath(new URL('../results.json', import.meta.url));

// `pnpm bench` (full sizes); `pnpm bench --smoke` for a quick look that everything runs.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = process.argv.includes('--smoke') ? 'smoke' : 'full';
  const out = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? RESULTS_FILE;
  const results = await runBenchmarks(size, (line) => console.log(line));
  console.log(`\n${formatReport(results)}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWritten to ${out}`);
}
