import type { benchContentSync } from './content-sync';
import type { benchIngest } from './ingest';
import type { benchIngestPostgres } from './ingest-postgres';
import type { benchInstances } from './instances';
import type { describeMachine } from './machine';
import type { benchNewTabPaint } from './new-tab-paint';
import type { benchStatsGrowth } from './stats-growth';
import type { benchStatsInstalls } from './stats-installs';
import type { benchStatsPostgres } from './stats-postgres';

export type BenchResults = {
  size: 'full' | 'smoke';
  startedAt: string;
  seconds: number;
  machine: ReturnType<typeof describeMachine>;
  newTab: Awaited<ReturnType<typeof benchNewTabPaint>>;
  ingest: Awaited<ReturnType<typeof benchIngest>>;
  contentSync: Awaited<ReturnType<typeof benchContentSync>>;
  stats: Awaited<ReturnType<typeof benchStatsGrowth>>;
  ingestPostgres: Awaited<ReturnType<typeof benchIngestPostgres>>;
  instances: Awaited<ReturnType<typeof benchInstances>>;
  statsPostgres: Awaited<ReturnType<typeof benchStatsPostgres>>;
  statsInstalls: Awaited<ReturnType<typeof benchStatsInstalls>>;
};

/** One line of the table: what was measured, our figure, the limit it is compared with, and the target. */
export type ReportRow = { what: string; ours: string; limit: string; ratio: string; target: string; met: boolean | undefined };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const n = (value: number) => Math.round(value).toLocaleString('en');

/** Every figure against its target, as rows (the results file keeps the full detail). */
export function reportRows(r: BenchResults): ReportRow[] {
  const rows: ReportRow[] = [
    {
      what: `new tab: title painted (median of ${r.newTab.loads})`,
      ours: `${r.newTab.newTabMs.median} ms`,
      limit: `${r.newTab.staticPageMs.median} ms static page`,
      ratio: `${r.newTab.ratio}x`,
      target: '≤ 1.3x',
      met: r.newTab.ratio <= 1.3,
    },
    {
      what: '  the same static page inside the extension',
      ours: `${r.newTab.newTabMs.median} ms`,
      limit: `${r.newTab.staticExtensionPageMs.median} ms`,
      ratio: `${r.newTab.ratioToStaticExtensionPage}x`,
      target: '',
      met: undefined,
    },
    {
      what: 'new tab: JavaScript (all it loads)',
      ours: `${kb(r.newTab.jsBytes.gzip)} gzip`,
      limit: `${kb(r.newTab.jsBytes.raw)} raw`,
      ratio: '',
      target: '≤ 20 KB gzip',
      met: r.newTab.jsBytes.gzip <= 20 * 1024,
    },
    { what: 'new tab: CSS', ours: `${kb(r.newTab.cssBytes.gzip)} gzip`, limit: `${kb(r.newTab.cssBytes.raw)} raw`, ratio: '', target: '', met: undefined },
    {
      what: `ingest: events/s (${r.ingest.connections} connections, batches of 20)`,
      ours: n(r.ingest.httpEventsPerSecond),
      limit: `${n(r.ingest.rawEventsPerSecond)} raw SQLite`,
      ratio: `${Math.round(r.ingest.ratio * 100)}%`,
      target: '≥ 70%',
      met: r.ingest.ratio >= 0.7,
    },
    {
      what: 'ingest: latency p50 / p99, server peak memory',
      ours: `${r.ingest.latencyMs.p50} / ${r.ingest.latencyMs.p99} ms`,
      limit: '',
      ratio: '',
      target: r.ingest.serverPeakMemoryMiB === undefined ? '' : `${r.ingest.serverPeakMemoryMiB} MiB`,
      met: undefined,
    },
    {
      what: 'content sync: 304 answers/s',
      ours: n(r.contentSync.contentRequestsPerSecond),
      limit: `${n(r.contentSync.bareHonoRequestsPerSecond)} bare Hono`,
      ratio: `${Math.round(r.contentSync.ratio * 100)}%`,
      target: '≥ 80%',
      met: r.contentSync.ratio >= 0.8,
    },
  ];
  const sizes = r.stats.sizes;
  const largest = sizes[sizes.length - 1]!;
  for (const s of sizes) {
    const isLargest = s === largest;
    rows.push({
      what: `stats, 30 days, at ${n(s.events)} events: p50 / p95`,
      ours: `${s.statsMs.p50} / ${s.statsMs.p95} ms`,
      limit: `${s.databaseMiB} MiB database`,
      ratio: isLargest && sizes.length > 1 ? `${r.stats.growth}x the ${n(sizes[0]!.events)} p95` : '',
      target: isLargest ? 'p95 ≤ 20 ms, ≤ 1.5x' : '',
      met: isLargest ? s.statsMs.p95 <= 20 && r.stats.growth <= 1.5 : undefined,
    });
  }
  if (r.stats.dashboard) {
    rows.push({
      what: `dashboard overview, table filled, at ${n(largest.events)} events (median)`,
      ours: `${r.stats.dashboard.tableFilledMs.median} ms`,
      limit: '',
      ratio: '',
      target: '',
      met: undefined,
    });
  }
  const pg = r.ingestPostgres;
  rows.push(
    {
      what: `ingest on PostgreSQL: events/s (${pg.connections} connections, batches of 20)`,
      ours: n(pg.httpEventsPerSecond),
      limit: `${n(pg.rawEventsPerSecond)} its writer, no HTTP`,
      ratio: `${Math.round(pg.ratio * 100)}%`,
      target: '',
      met: undefined,
    },
    {
      what: 'ingest on PostgreSQL: latency p50 / p99, server peak memory',
      ours: `${pg.latencyMs.p50} / ${pg.latencyMs.p99} ms`,
      limit: '',
      ratio: '',
      target: pg.serverPeakMemoryMiB === undefined ? '' : `${pg.serverPeakMemoryMiB} MiB`,
      met: undefined,
    },
    {
      what: 'three instances vs one behind nginx, PostgreSQL: ingest events/s',
      ours: `${n(r.instances.ingest.threeEventsPerSecond)} three`,
      limit: `${n(r.instances.ingest.oneEventsPerSecond)} one`,
      ratio: `${r.instances.ingest.ratio}x`,
      target: '',
      met: undefined,
    },
    {
      what: '  the same, content sync 304 answers/s',
      ours: `${n(r.instances.sync.threeRequestsPerSecond)} three`,
      limit: `${n(r.instances.sync.oneRequestsPerSecond)} one`,
      ratio: `${r.instances.sync.ratio}x`,
      target: '',
      met: undefined,
    },
  );
  const pgSizes = r.statsPostgres.sizes;
  const pgLargest = pgSizes[pgSizes.length - 1]!;
  for (const s of pgSizes) {
    const isLargest = s === pgLargest;
    rows.push({
      what: `stats on PostgreSQL, 30 days, at ${n(s.events)} events: p50 / p95`,
      ours: `${s.statsMs.p50} / ${s.statsMs.p95} ms`,
      limit: `${s.databaseMiB} MiB database`,
      ratio: isLargest && pgSizes.length > 1 ? `${r.statsPostgres.growth}x the ${n(pgSizes[0]!.events)} p95` : '',
      target: isLargest ? 'p95 ≤ 20 ms, ≤ 1.5x' : '',
      met: isLargest ? s.statsMs.p95 <= 20 && r.statsPostgres.growth <= 1.5 : undefined,
    });
  }
  const installs = r.statsInstalls;
  for (const [engine, s] of [['SQLite', installs.sqlite], ['PostgreSQL', installs.postgres]] as const) {
    rows.push({
      what: `stats at ${n(installs.installs)} installs (${n(installs.events)} events), ${engine}: p50 / p95`,
      ours: `${s.statsMs.p50} / ${s.statsMs.p95} ms`,
      limit: `server ${s.rssMiB ?? '?'} MiB, started in ${Math.round(s.startSeconds)} s`,
      ratio: '',
      target: 'p95 ≤ 50 ms',
      met: s.statsMs.p95 <= 50,
    });
  }
  for (const [engine, s] of [['SQLite', installs.sqlite], ['PostgreSQL', installs.postgres]] as const) {
    const v = s.validationMs;
    rows.push({
      what: `validation line at ${n(installs.installs)} installs, ${engine}: p50 / p95 warm; after a new install's event`,
      ours: `${v.warm.p50} / ${v.warm.p95} ms; ${v.afterChange.p50} / ${v.afterChange.p95} ms`,
      limit: '',
      ratio: '',
      target: 'p95 ≤ 50 ms',
      met: v.warm.p95 <= 50 && v.afterChange.p95 <= 50,
    });
  }
  rows.push({
    what: `  counting a period's active installs again at ${n(installs.installs)} installs; the periods held, after a change`,
    ours: `${installs.recountMs.onePeriod} ms; ${installs.recountMs.heldAfterChange} ms`,
    limit: '',
    ratio: '',
    target: '',
    met: undefined,
  });
  return rows;
}

/** The table `pnpm bench` prints. */
export function formatReport(r: BenchResults): string {
  const header: ReportRow = { what: 'benchmark', ours: 'ours', limit: 'limit (same run)', ratio: 'ratio', target: 'target', met: undefined };
  const rows = reportRows(r);
  const cells = (row: ReportRow) => [row.what, row.ours, row.limit, row.ratio, row.target, row === header ? 'met' : row.met === undefined ? '' : row.met ? 'yes' : 'NO'];
  const all = [header, ...rows].map(cells);
  const widths = all[0]!.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const m = r.machine;
  return [
    `Customer Chair benchmarks (${r.size}), ${r.startedAt}, ${r.seconds} s — ${m.cores} × ${m.cpu}, ${m.memoryMiB} MiB, Node ${m.node}, ${m.chromium ?? 'no Chromium'}`,
    '',
    line(all[0]!),
    line(widths.map((w) => '-'.repeat(w))),
    ...all.slice(1).map(line),
  ].join('\n');
}
