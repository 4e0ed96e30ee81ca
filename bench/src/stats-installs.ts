import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { countActiveInstalls } from '../../shared/src/domain/count-active-installs';
import { InstallActivity } from '../../shared/src/domain/install-activity';
import { addDays, localDay, weekStart } from '../../shared/src/domain/local-day';
import { validationPeriods } from '../../shared/src/domain/plan-validation';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../shared/src/domain/set-day-bit';
import { heldDepartmentInstalls } from '../../server/src/storage/caches/department-installs-cache';
import { makeEvent, uuidv7 } from '../../tests/support/make-event';
import { startServer, type RunningServer } from '../../tests/support/start-server';
import { copyEventsToSqlite } from './copy-to-sqlite';
import { generateEvents } from './generate-events';
import { memoryMiB } from './load';
import { newDatabase, type PostgresCluster } from './postgres';
import { timeStats } from './stats-growth';
import { round, summarize } from './summarize';

/** The department whose validation line is asked for (one of the demo company's, as the generated events are). */
const DEPARTMENT = 'engineering';

/** Events per install: one in each of the last four whole weeks, the weeks the stats are asked about. */
const WEEKS = 4;

/**
 * The stats API at the size of the largest employers: a million installs,
 * each active once in each of the last four whole weeks (4 million events,
 * generated with generateEvents on PostgreSQL, then copied row for row into
 * a SQLite file), asked for those four weeks on each engine in turn: p50 /
 * p95 over HTTP, the server's resident memory once it has answered
 * (its peak too), and how long it took to start (it reads its roll-ups
 * before it listens). Then the validation line (`GET /api/v1/validation`,
 * asked by every extension on every sync): warm (nothing changed between
 * requests) and after a change (an event from a new install posted through
 * `POST /api/v1/events` before each request, so the periods with today in
 * them have a new day marked); and, in this process, what counting a
 * period's active installs again costs at that size (countActiveInstalls)
 * against what the server does after one change (heldDepartmentInstalls).
 */
export async function benchStatsInstalls(cluster: PostgresCluster, { installs = 1_000_000, requests = 200 } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'cc-bench-installs-'));
  try {
    const url = await newDatabase(cluster, 'stats_installs');
    const thisWeek = weekStart(localDay(new Date(), 'UTC'));
    const generateStart = performance.now();
    await generateEvents(url, {
      events: installs * WEEKS,
      installs,
      fromMs: Date.parse(`${addDays(thisWeek, -7 * WEEKS)}T00:00:00Z`),
      toMs: Date.parse(`${thisWeek}T00:00:00Z`),
      seed: 2,
    });
    const generateSeconds = (performance.now() - generateStart) / 1000;

    const measure = async (database: { url: string } | { path: string }) => {
      const started = performance.now();
      const server = await startServer({
        databasePath: 'path' in database ? database.path : join(folder, 'unused.db'),
        env: 'url' in database ? { DATABASE_URL: database.url } : {},
        logFile: join(folder, 'server.log'),
        startTimeoutMs: 600_000,
      });
      try {
        const startSeconds = round((performance.now() - started) / 1000);
        const statsMs = await timeStats(server, requests);
        const validationMs = await timeValidation(server, requests);
        const memory = await memoryMiB(server.process.pid!);
        return { statsMs, validationMs, startSeconds, rssMiB: memory.now, peakRssMiB: memory.peak };
      } finally {
        await server.stop();
      }
    };

    const postgres = await measure({ url });
    const path = join(folder, 'installs.db');
    const copyStart = performance.now();
    await copyEventsToSqlite(url, path);
    const copySeconds = (performance.now() - copyStart) / 1000;
    const sqlite = { ...(await measure({ path })), databaseMiB: Math.round(statSync(path).size / 2 ** 20) };
    await cluster.dropDatabase('stats_installs');
    const recountMs = timeRecount(installs, Math.min(requests, 50));
    return { installs, events: installs * WEEKS, postgres, sqlite, recountMs, generateSeconds: round(generateSeconds), copySeconds: round(copySeconds) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The validation line over HTTP, p50 / p95: `warm`, asked again and again
 * with nothing changed; `afterChange`, each request after an event from a
 * new install (today, in the department asked about) was stored through
 * the ingest route, as a client sends it, so "this week" and "this month"
 * each have a day newly marked and their active installs are counted again.
 */
export async function timeValidation(server: RunningServer, requests: number) {
  const url = `${server.url}/api/v1/validation?department=${DEPARTMENT}`;
  const ask = async () => {
    const start = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`validation answered ${response.status}`);
    return performance.now() - start;
  };
  const post = async () => {
    const at = new Date().toISOString();
    const response = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [makeEvent({ at, id: uuidv7(), installId: uuidv7(), department: DEPARTMENT, role: DEPARTMENT })] }),
    });
    await response.arrayBuffer();
    if (response.status >= 300) throw new Error(`events answered ${response.status}`);
  };
  const first = await ask();
  for (let i = 1; i < 10; i++) await ask();
  const warm: number[] = [];
  for (let i = 0; i < requests; i++) warm.push(await ask());
  const afterChange: number[] = [];
  for (let i = 0; i < requests; i++) {
    await post();
    afterChange.push(await ask());
  }
  const w = summarize(warm);
  const a = summarize(afterChange);
  return {
    requests,
    first: round(first),
    warm: { p50: round(w.median), p95: round(w.p95), max: round(w.max) },
    afterChange: { p50: round(a.median), p95: round(a.p95), max: round(a.max) },
  };
}

/**
 * In this process, an install activity of `installs` rows shaped as the
 * generated one (each install active once in each of the last four whole
 * weeks, departments in turn): what counting one of the validation line's
 * periods again costs (countActiveInstalls, a pass over every row; median
 * of `times`), and what the server's remembered counts cost after one new
 * install was marked today (heldDepartmentInstalls for "this week" and
 * "this month", the two periods with today in them; median).
 */
export function timeRecount(installs: number, times: number) {
  const today = localDay(new Date(), 'UTC');
  const thisWeek = weekStart(today);
  const departments = ['engineering', 'sales', 'support', 'finance', 'legal', 'manufacturing', 'marketing', 'it'];
  const activity = new InstallActivity();
  const days = (list: string[]) => {
    const bits = new Uint8Array(DAY_BITS_BYTES);
    for (const day of list) setDayBit(bits, dayOfYear(day));
    return bits;
  };
  // Rows per year: the four weeks may straddle a new year.
  for (let i = 0; i < installs; i++) {
    const department = departments[i % departments.length]!;
    const list = Array.from({ length: WEEKS }, (_, w) => addDays(thisWeek, -7 * (w + 1) + (i % 7)));
    for (const year of new Set(list.map((d) => d.slice(0, 4)))) {
      activity.mark({ installId: `install-${i}`, department, role: department, year: Number(year), days: days(list.filter((d) => d.startsWith(year))) });
    }
  }
  const periods = validationPeriods(today);
  const recount: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    countActiveInstalls(activity, periods.thisMonth.from, periods.thisMonth.to);
    recount.push(performance.now() - start);
  }
  const held = () => {
    heldDepartmentInstalls(activity, periods.thisWeek.from, periods.thisWeek.to);
    heldDepartmentInstalls(activity, periods.thisMonth.from, periods.thisMonth.to);
  };
  held();
  const afterChange: number[] = [];
  for (let i = 0; i < times; i++) {
    activity.mark({ installId: `new-${i}`, department: DEPARTMENT, role: DEPARTMENT, year: Number(today.slice(0, 4)), days: days([today]) });
    const start = performance.now();
    held();
    afterChange.push(performance.now() - start);
  }
  return { onePeriod: round(summarize(recount).median), heldAfterChange: round(summarize(afterChange).median), times };
}
