import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../bench/src/format-report';

const BENCH_DIR = fileURLToPath(new URL('../../bench/', import.meta.url));

/**
 * `pnpm bench` at tiny sizes, so the benchmark code cannot rot between the
 * runs that matter. The figures of a smoke run mean nothing; that every
 * benchmark runs, measures something and writes it down does.
 */
describe('pnpm bench --smoke', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-smoke-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('runs every benchmark, prints the table and writes the results file', async () => {
    const out = join(folder, 'results.json');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/run.ts', '--smoke', `--out=${out}`], {
      cwd: BENCH_DIR,
      timeout: 240_000,
    });
    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;

    expect(results.size).toBe('smoke');
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.versions['better-sqlite3']).toMatch(/^\d+\./);

    expect(results.newTab.loads).toBe(2);
    expect(results.newTab.newTabMs.median).toBeGreaterThan(0);
    expect(results.newTab.staticPageMs.median).toBeGreaterThan(0);
    expect(results.newTab.jsBytes.gzip).toBeGreaterThan(1000);
    expect(results.newTab.jsBytes.gzip).toBeLessThan(results.newTab.jsBytes.raw);

    expect(results.ingest.httpEventsPerSecond).toBeGreaterThan(0);
    expect(results.ingest.rawEventsPerSecond).toBeGreaterThan(0);
    expect(results.ingest.refused).toBe(0);
    expect(results.ingest.errors).toBe(0);

    expect(results.contentSync.contentRequestsPerSecond).toBeGreaterThan(0);
    expect(results.contentSync.bareHonoRequestsPerSecond).toBeGreaterThan(0);

    expect(results.stats.sizes.map((s) => s.events)).toEqual([2_000, 4_000]);
    for (const size of results.stats.sizes) expect(size.statsMs.p95).toBeGreaterThan(0);
    expect(results.stats.dashboard?.tableFilledMs.median).toBeGreaterThan(0);

    expect(results.ingestPostgres.httpEventsPerSecond).toBeGreaterThan(0);
    expect(results.ingestPostgres.rawEventsPerSecond).toBeGreaterThan(0);
    expect(results.ingestPostgres.refused).toBe(0);
    expect(results.ingestPostgres.errors).toBe(0);

    expect(results.instances.ingest.oneEventsPerSecond).toBeGreaterThan(0);
    expect(results.instances.ingest.threeEventsPerSecond).toBeGreaterThan(0);
    expect(results.instances.sync.threeRequestsPerSecond).toBeGreaterThan(0);
    // A one-second smoke turn through nginx may lose a request as a turn ends; the full run reports every failure.
    expect(results.instances.failed).toBeLessThanOrEqual(3);

    expect(results.statsPostgres.sizes.map((s) => s.events)).toEqual([2_000, 4_000]);
    for (const size of results.statsPostgres.sizes) expect(size.statsMs.p95).toBeGreaterThan(0);

    expect(results.statsInstalls.installs).toBe(1_000);
    for (const engine of [results.statsInstalls.sqlite, results.statsInstalls.postgres]) {
      expect(engine.statsMs.p95).toBeGreaterThan(0);
      expect(engine.rssMiB).toBeGreaterThan(0);
      expect(engine.validationMs.warm.p95).toBeGreaterThan(0);
      expect(engine.validationMs.afterChange.p95).toBeGreaterThan(0);
    }
    expect(results.statsInstalls.recountMs.onePeriod).toBeGreaterThan(0);

    for (const row of [
      'new tab: title painted',
      'ingest: events/s',
      'content sync: 304 answers/s',
      'stats, 30 days, at 4,000 events',
      'dashboard overview',
      'ingest on PostgreSQL: events/s',
      'three instances vs one behind nginx',
      'stats on PostgreSQL, 30 days, at 4,000 events',
      'stats at 1,000 installs (4,000 events), SQLite',
      'stats at 1,000 installs (4,000 events), PostgreSQL',
      'validation line at 1,000 installs, SQLite',
      'validation line at 1,000 installs, PostgreSQL',
    ]) {
      expect(stdout).toContain(row);
    }
    expect(stdout).toContain(`Written to ${out}`);
  }, 300_000);
});
