import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../shared/src/domain/set-day-bit';
import type { UsageEvent } from '../../shared/src/schemas/usage-event';
import { IngestClient, postBatch, type BatchAnswer } from '../support/ingest-client';
import { startLoadBalancer, type LoadBalancer } from '../support/load-balancer';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';
import { startServer, type RunningServer } from '../support/start-server';

// `pg` is a dependency of the server, not of the root package the tests resolve from: load the server's copy.
const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url));
const { Client } = requireFromServer('pg') as typeof import('pg');
type PgClient = import('pg').Client;

const INSTANCES = 3;
const CLIENTS = 8;
const KILL_ROUNDS = 3;
const MIGRATIONS_DIR = fileURLToPath(new URL('../../server/src/storage/postgres/migrations/', import.meta.url));
const MIGRATION_FILES = readdirSync(MIGRATIONS_DIR).filter((name) => /^\d{3}-[a-z0-9-]+\.sql$/.test(name)).length;

const folder = mkdtempSync(join(tmpdir(), 'cc-several-'));
/** One admin token for all instances, as a deployment would set it. */
const adminToken = `test-admin-${randomBytes(16).toString('hex')}`;
let cluster: PostgresCluster | undefined;
let balancer: LoadBalancer | undefined;
const instances: (RunningServer | undefined)[] = [];
/** Every server process started, killed ones too: their output goes into failure messages. */
const processes: { name: string; server: RunningServer }[] = [];
let clients: IngestClient[] = [];

afterAll(async () => {
  for (const client of clients) client.stop();
  await Promise.all(instances.map((server) => server?.kill()));
  await balancer?.stop();
  await cluster?.remove();
  rmSync(folder, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a failure message carries: each server's own lines (not its request log), nginx's error log, PostgreSQL's log. */
function diagnostics(): string {
  const parts: string[] = [];
  for (const { name, server } of processes) {
    const lines = server.output().split('\n');
    const own = lines.filter((line) => line && !line.startsWith('{')).slice(-40);
    const state = server.process.exitCode !== null || server.process.signalCode !== null ? `exited (${server.process.exitCode ?? server.process.signalCode})` : 'running';
    parts.push(`--- ${name}, pid ${server.process.pid}, port ${server.port}, ${state}: ${lines.length} lines, the last non-request ones:\n${own.join('\n')}`);
  }
  if (balancer) parts.push(`--- nginx error log (${balancer.errorLogFile}), last lines:\n${balancer.errorLog(40)}`);
  if (cluster) {
    let log = '(unreadable)';
    try {
      log = readFileSync(cluster.logFile, 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      // Removed already.
    }
    parts.push(`--- PostgreSQL log (${cluster.logFile}), last lines:\n${log}`);
  }
  return parts.join('\n');
}

async function startInstance(name: string, url: string, port?: number): Promise<RunningServer> {
  const server = await startServer({
    databasePath: join(folder, 'not-used.db'),
    port,
    adminToken,
    env: { DATABASE_URL: url, RATE_LIMIT_EVENTS_PER_MINUTE: '0', DATABASE_POOL_SIZE: '8' },
  });
  processes.push({ name, server });
  return server;
}

/** GET /health straight on one instance (not through the load balancer): its status, or 0 when it did not answer. */
async function health(server: RunningServer): Promise<number> {
  try {
    const response = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Throws when an instance that should be running has exited (only the test's SIGKILLs may end one). */
function checkInstancesRun(what: string) {
  const ended = instances.flatMap((server, i) =>
    server && (server.process.exitCode !== null || server.process.signalCode !== null) ? [`instance ${i} (${server.process.exitCode ?? server.process.signalCode})`] : [],
  );
  if (ended.length) throw new Error(`${ended.join(', ')} exited by itself while waiting for ${what}`);
}

/** Polls `condition` until it holds (answers how long that took), failing fast when an instance has died. */
async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    checkInstancesRun(what);
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
  checkInstancesRun(what);
  return Date.now() - started;
}

async function withDatabase<T>(url: string, work: (db: PgClient) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Rows as "a|b|c" → count, for comparing a roll-up with its recount. */
async function counted(db: PgClient, sql: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ key: string; n: string | number }>(sql);
  return new Map(rows.map((row) => [row.key, Number(row.n)]));
}

describe('several instances on one PostgreSQL, behind nginx, under faults', () => {
  it(`${INSTANCES} instances migrate once, survive SIGKILLs (${KILL_ROUNDS} rounds) and a PostgreSQL crash; every acknowledged event is stored once and the roll-ups equal a recount`, async () => {
    const timings: Record<string, number> = {};
    const began = Date.now();
    try {
      cluster = await startPostgresCluster();
      const url = await cluster.createDatabase('several');
      // The throwaway cluster turns synchronous_commit off for speed: a commit is then answered before its WAL is
      // written, and an immediate stop (a crash) loses the last ones, acknowledged events included. This test crashes
      // PostgreSQL on purpose, so its database commits durably, as a production one does (fsync=off stays: the
      // machine does not crash, so what PostgreSQL wrote survives in the operating system's cache).
      await withDatabase(cluster.url, (db) => db.query('ALTER DATABASE several SET synchronous_commit = on'));
      timings.cluster = Date.now() - began;

      // All three together on the empty database: one migrates, the others wait for it; none fails.
      let mark = Date.now();
      const started = await Promise.allSettled(Array.from({ length: INSTANCES }, (_, i) => startInstance(`instance ${i}`, url)));
      for (const [i, result] of started.entries()) if (result.status === 'fulfilled') instances[i] = result.value;
      const failed = started.flatMap((result, i) => (result.status === 'rejected' ? [`instance ${i}: ${(result.reason as Error).message}`] : []));
      expect(failed, 'every instance started on the empty database').toEqual([]);
      timings.instancesStart = Date.now() - mark;
      await withDatabase(url, async (db) => {
        const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.length, `schema_migrations holds each of the ${MIGRATION_FILES} migration files once`).toBe(MIGRATION_FILES);
        expect(new Set(rows.map((row) => row.version)).size).toBe(MIGRATION_FILES);
      });
      for (const server of instances) expect(await health(server!)).toBe(200);

      balancer = await startLoadBalancer(instances.map((server) => ({ host: '127.0.0.1', port: server!.port })));
      const lb = balancer;

      // Clients: small and large batches of varied events, each re-sending what was not acknowledged before anything new.
      clients = Array.from({ length: CLIENTS }, (_, i) => new IngestClient(i % 2 ? 20 : 120, { varied: true }));
      let acks = 0;
      let failures = 0;
      const load = clients.map((client) =>
        client.runResending(lb.url, {
          onAck: () => acks++,
          onFailure: () => failures++,
          retryDelayMs: 100,
        }),
      );
      const moreAcks = (n: number, timeoutMs: number, what: string) => {
        const target = acks + n;
        return waitFor(`${n} more acknowledged batches ${what} (${acks} so far)`, () => acks >= target, timeoutMs);
      };
      mark = Date.now();
      await moreAcks(50, 20_000, 'before the first kill');
      timings.firstAcks = Date.now() - mark;

      // SIGKILL one instance at a time, a different one each round, mid-load; restart it on its port.
      const rounds: string[] = [];
      for (let round = 0; round < KILL_ROUNDS; round++) {
        const i = round % INSTANCES;
        const victim = instances[i]!;
        await moreAcks(20 + Math.floor(Math.random() * 30), 20_000, `before kill ${round + 1}`);
        // A random few milliseconds later, so the kill lands at a different point of the requests in flight.
        await sleep(Math.random() * 30);
        const failuresBefore = failures;
        await victim.kill();
        expect(victim.process.signalCode).toBe('SIGKILL');
        instances[i] = undefined;
        // The others carry the load meanwhile.
        const whileDown = await moreAcks(20, 20_000, `while instance ${i} is down`);
        mark = Date.now();
        const restarted = await startInstance(`instance ${i} (restart ${round + 1})`, url, victim.port);
        instances[i] = restarted;
        const restartMs = Date.now() - mark;
        // nginx sends it requests again (after its fail_timeout of 1 s).
        const backMs = await waitFor(
          `nginx to send events to the restarted instance ${i}`,
          () => restarted.output().split('\n').some((line) => line.startsWith('{') && line.includes('"/api/v1/events"')),
          20_000,
        );
        rounds.push(
          `kill ${round + 1}: instance ${i} after ${acks} acknowledged batches; others took 20 batches in ${whileDown} ms; restart took ${restartMs} ms, ` +
            `served events again ${backMs} ms later; ${failures - failuresBefore} failed attempts meanwhile`,
        );
      }

      // PostgreSQL crashes (immediate stop) under load and comes back; the instances are not restarted.
      const pids = instances.map((server) => server!.process.pid);
      await moreAcks(30, 20_000, 'before PostgreSQL stops');
      const failuresBeforeOutage = failures;
      const acksBeforeOutage = acks;
      mark = Date.now();
      await cluster.stop('immediate');
      const stopMs = Date.now() - mark;
      const unhealthyMs = await waitFor(
        'every instance to answer /health with 503 while PostgreSQL is down',
        async () => (await Promise.all(instances.map((server) => health(server!)))).every((status) => status === 503),
        15_000,
      );
      await sleep(Math.max(0, 2_000 - (Date.now() - mark)));
      const acksDuringOutage = acks - acksBeforeOutage;
      mark = Date.now();
      await cluster.start();
      const startMs = Date.now() - mark;
      const healthyMs = await waitFor(
        'every instance to answer /health with 200 once PostgreSQL is back',
        async () => (await Promise.all(instances.map((server) => health(server!)))).every((status) => status === 200),
        30_000,
      );
      const acksAfterOutage = acks;
      const ingestBackMs = await moreAcks(50, 30_000, 'after PostgreSQL came back');
      const outageFailures = failures - failuresBeforeOutage;
      expect(outageFailures, 'batches failed while PostgreSQL was down (and were sent again)').toBeGreaterThan(0);
      expect(
        instances.map((server) => server!.process.pid),
        'the instances recovered without a restart',
      ).toEqual(pids);
      for (const server of instances) expect(server!.process.exitCode ?? server!.process.signalCode).toBeNull();
      const outage =
        `PostgreSQL stopped (immediate) in ${stopMs} ms; /health 503 on every instance ${unhealthyMs} ms after; ` +
        `${acksDuringOutage} batches acknowledged and ${outageFailures} attempts failed around the outage; started again in ${startMs} ms; ` +
        `/health 200 everywhere ${healthyMs} ms later; 50 more batches ${ingestBackMs} ms after that (from ${acksAfterOutage})`;

      // Stop the clients; each then re-sends whatever is still unacknowledged until it is.
      for (const client of clients) client.stop();
      await Promise.all(load);
      const pendingAtStop = clients.reduce((n, client) => n + client.unacknowledged.length, 0);
      await Promise.all(clients.map((client) => client.resendUnacknowledged(lb.url, 60_000)));
      for (const client of clients) expect(client.unacknowledged).toEqual([]);

      // What the clients know.
      const answers: BatchAnswer[] = clients.flatMap((client) => client.answers);
      const sent = new Set<string>();
      for (const answer of answers) for (const event of answer.events) sent.add(event.id);
      const sentEvents = clients.reduce((n, client) => n + client.acknowledged.length, 0);
      expect(sent.size, 'each event was acknowledged once (a batch is acknowledged once)').toBe(sentEvents);
      const badAnswers = answers.filter((answer) => answer.status !== 200 || answer.accepted + answer.duplicates !== answer.events.length);
      expect(badAnswers.map(({ status, accepted, duplicates, events }) => ({ status, accepted, duplicates, size: events.length }))).toEqual([]);
      const resentBatches = answers.filter((answer) => answer.attempts > 1);
      const accepted = answers.reduce((n, answer) => n + answer.accepted, 0);
      const duplicates = answers.reduce((n, answer) => n + answer.duplicates, 0);

      // What the database holds.
      const stored = await withDatabase(url, async (db) => {
        const twice = await db.query('SELECT id, count(*) AS n FROM events GROUP BY id HAVING count(*) > 1 LIMIT 10');
        expect(twice.rows, 'no event id stored twice').toEqual([]);
        const ids = new Set((await db.query<{ id: string }>('SELECT id FROM events')).rows.map((row) => row.id));
        const { rows: migrations } = await db.query('SELECT version FROM schema_migrations');
        expect(migrations.length).toBe(MIGRATION_FILES);

        // Roll-ups against a recount from the raw events.
        const recount = async (table: string, rollUpKey: string, eventsKey: string, where = 'TRUE') => {
          const rolledUp = await counted(db, `SELECT concat_ws('|', ${rollUpKey}) AS key, sum(count) AS n FROM ${table} GROUP BY 1`);
          const fromEvents = await counted(db, `SELECT concat_ws('|', ${eventsKey}) AS key, count(*) AS n FROM events WHERE ${where} GROUP BY 1`);
          expect(Object.fromEntries([...rolledUp].sort()), `${table} equals a recount from the raw events`).toEqual(Object.fromEntries([...fromEvents].sort()));
          return rolledUp.size;
        };
        const item = `CASE WHEN type LIKE 'story%' THEN story_id WHEN type LIKE 'prompt%' THEN prompt_id ELSE action_id END`;
        const cells = {
          daily_counts: await recount('daily_counts', 'day, department, role, type', 'day, department, role, type'),
          daily_surface_counts: await recount('daily_surface_counts', 'day, department, surface, type', 'day, department, surface, type'),
          daily_item_counts: await recount('daily_item_counts', 'day, department, type, item_id', `day, department, type, ${item}`),
          daily_action_counts: await recount('daily_action_counts', 'day, department, role, action_id', 'day, department, role, action_id', "type = 'action_taken'"),
        };

        // install_activity: a row per install, year, department and role that sent events, its bits the days it did.
        const expectedActivity = new Map<string, Uint8Array>();
        const { rows: activeDays } = await db.query<{ key: string; day: string }>(
          `SELECT DISTINCT concat_ws('|', substr(day, 1, 4), install_id, department, role) AS key, day FROM events`,
        );
        for (const { key, day } of activeDays) {
          let bits = expectedActivity.get(key);
          if (!bits) expectedActivity.set(key, (bits = new Uint8Array(DAY_BITS_BYTES)));
          setDayBit(bits, dayOfYear(day));
        }
        const { rows: activity } = await db.query<{ key: string; days: Buffer }>(
          `SELECT concat_ws('|', year, install_id, department, role) AS key, days FROM install_activity`,
        );
        const actualActivity = new Map(activity.map((row) => [row.key, Buffer.from(row.days).toString('hex')]));
        expect(Object.fromEntries([...actualActivity].sort()), 'install_activity equals the days each install sent events').toEqual(
          Object.fromEntries([...expectedActivity].map(([key, bits]) => [key, Buffer.from(bits).toString('hex')]).sort()),
        );

        // installs: one row per install id that sent events.
        const installs = (await db.query<{ install_id: string }>('SELECT install_id FROM installs')).rows.map((row) => row.install_id);
        const eventInstalls = (await db.query<{ install_id: string }>('SELECT DISTINCT install_id FROM events')).rows.map((row) => row.install_id);
        expect(installs.length).toBe(new Set(installs).size);
        expect(new Set(installs)).toEqual(new Set(eventInstalls));
        expect(new Set(installs)).toEqual(new Set(clients.map((client) => client.installId)));
        const dailyTotal = Number((await db.query<{ n: string }>('SELECT coalesce(sum(count), 0) AS n FROM daily_counts')).rows[0]!.n);
        return { ids, cells, installs: installs.length, activityRows: activity.length, dailyTotal };
      });

      // Every acknowledged event is stored, and nothing else (every batch was acknowledged in the end).
      const missing = [...sent].filter((id) => !stored.ids.has(id));
      expect(missing.length, `acknowledged events missing from the database (first: ${missing.slice(0, 3).join(', ')})`).toBe(0);
      const foreign = [...stored.ids].filter((id) => !sent.has(id));
      expect(foreign.length, 'stored events no client sent').toBe(0);
      // Each stored event was answered as accepted exactly once, or, when that answer was lost, as a duplicate.
      expect(accepted + duplicates).toBe(stored.ids.size);
      expect(stored.dailyTotal).toBe(stored.ids.size);

      // Sending again every batch that was re-sent or answered with duplicates, and one acknowledged batch per
      // client, adds nothing: all duplicates, through the load balancer and on each instance directly.
      const replays: UsageEvent[][] = [
        ...answers.filter((answer) => answer.attempts > 1 || answer.duplicates > 0).map((answer) => answer.events),
        ...clients.flatMap((client) => client.answers.slice(0, 1).map((answer) => answer.events)),
      ];
      let replayedDuplicates = 0;
      for (const batch of replays) {
        for (const target of [lb.url, ...instances.map((server) => server!.url)]) {
          const response = await postBatch(target, batch, true);
          expect(response.status, `replay to ${target}`).toBe(200);
          expect(response.result, `replay to ${target}`).toEqual({ accepted: 0, duplicates: batch.length });
          replayedDuplicates += response.result!.duplicates;
        }
      }
      await withDatabase(url, async (db) => {
        const { rows } = await db.query<{ events: string; total: string }>(
          'SELECT (SELECT count(*) FROM events) AS events, (SELECT coalesce(sum(count), 0) FROM daily_counts) AS total',
        );
        expect(Number(rows[0]!.events)).toBe(stored.ids.size);
        expect(Number(rows[0]!.total)).toBe(stored.ids.size);
      });

      // Requests nginx sent to a second instance after the first failed (a kill, or 503 while PostgreSQL was down).
      const accessLog = readFileSync(lb.accessLogFile, 'utf8').split('\n').filter(Boolean);
      const retriedByNginx = accessLog.filter((line) => /upstream=\S+, /.test(line));
      const retriedAndAnswered = retriedByNginx.filter((line) => /" 200 /.test(line)).length;

      timings.total = Date.now() - began;
      console.log(
        [
          `several-instances: ${INSTANCES} instances, ${CLIENTS} clients, nginx ${lb.url}; started together in ${timings.instancesStart} ms, migrated once (${MIGRATION_FILES} files)`,
          ...rounds,
          outage,
          `${answers.length} batches acknowledged (${sent.size} events); ${clients.reduce((n, c) => n + c.failedAttempts, 0)} failed attempts; ` +
            `${resentBatches.length} batches re-sent by clients (${pendingAtStop} still pending when the clients stopped, then acknowledged)`,
          `nginx: ${accessLog.length} requests, ${retriedByNginx.length} tried on another instance after a failure (${retriedAndAnswered} of them then acknowledged)`,
          `answers: ${accepted} events accepted, ${duplicates} reported as duplicates (committed before their answer was lost); ` +
            `${stored.ids.size} events stored, each once; replaying ${replays.length} batches through nginx and on each instance: ${replayedDuplicates} duplicates, nothing added`,
          `roll-ups equal the recount: ${JSON.stringify(stored.cells)} cells, ${stored.activityRows} install_activity rows, ${stored.installs} installs`,
          `timings (ms): ${JSON.stringify(timings)}`,
        ].join('\n'),
      );
    } catch (error) {
      if (error instanceof Error) error.message += `\n\n${diagnostics()}`;
      throw error;
    }
  });
});
