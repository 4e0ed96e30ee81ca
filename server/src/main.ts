import { createApp } from './app';
import type { RequestLogEntry } from './middleware/request-log';
import { lineBuffer } from './http/line-buffer';
import { serveApp } from './http/serve-app';
import { bootstrap } from './bootstrap';
import { backupCommand } from './cli/backup';
import { tokensCommand } from './cli/tokens';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { statsCaches } from './storage/caches/stats-caches';
import { openStorage } from './storage/open-storage';
import { SQLITE_DRIVER } from './storage/sqlite/sqlite-driver';
import { pruneEvents } from './storage/queries/prune-events';
import { pruneVoiceQuota } from './storage/queries/prune-voice-quota';
import { announceDueWinners } from './storage/queries/announce-due-winners';
import { getCompanyTimezone } from './storage/queries/get-company-timezone';
import { localDay } from '@customer-chair/shared/domain/local-day';
import { resolve } from 'node:path';
import { generateAdminToken, hashToken } from './auth/tokens';
import { fillDemoDatabase } from './demo/fill-demo-database';
import { hasUsage } from './storage/queries/has-usage';
import { insertAdminToken } from './storage/queries/insert-admin-token';
import { markDemoDatabase } from './storage/queries/mark-demo-database';

/**
 * The only place that reads the environment, opens the database and listens.
 * `main.ts tokens …` (the `tokens` script) manages admin tokens on the same
 * database instead of serving; `main.ts backup <file>` copies it, online.
 * Several instances may run on one PostgreSQL (DATABASE_URL): nothing here
 * needs to be the only one.
 */
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  console.error(`Customer Chair server: the configuration is not valid:\n  ${loaded.problems.join('\n  ')}`);
  process.exit(1);
}
/**
 * `main.ts demo` (`pnpm demo`): the same server on its own SQLite file (DEMO_DATABASE_PATH, never
 * DATABASE_PATH's nor PostgreSQL), marked as a demo in the database itself, and filled on its first
 * start with generated usage. The dashboard shows a banner on it.
 */
const demo = process.argv[2] === 'demo';
if (demo && resolve(loaded.config.demoDatabasePath) === resolve(loaded.config.databasePath)) {
  console.error('Customer Chair demo: DEMO_DATABASE_PATH names the same file as DATABASE_PATH; the demo needs a file of its own.');
  process.exit(1);
}
const config = demo ? { ...loaded.config, databasePath: loaded.config.demoDatabasePath, databaseUrl: undefined } : loaded.config;
const clock = systemClock;
const storage = await openStorage(config).catch((error: Error) => {
  console.error(`Customer Chair server: cannot open the database: ${error.message}`);
  process.exit(1);
});

if (process.argv[2] === 'tokens') {
  const code = await tokensCommand(process.argv.slice(3), { storage, clock, out: console.log, err: console.error });
  await storage.close();
  process.exit(code);
}
if (process.argv[2] === 'backup') {
  // pnpm runs scripts in server/; a relative file name means the folder the command was typed in.
  const code = await backupCommand(process.argv.slice(3), { storage, cwd: process.env.INIT_CWD ?? process.cwd(), out: console.log, err: console.error });
  await storage.close();
  process.exit(code);
}
if (demo && !(await markDemoDatabase(storage))) {
  console.error(`Customer Chair demo: ${config.databasePath} is a database in use (it has content, tokens or usage), not a demo database; nothing was changed. Point DEMO_DATABASE_PATH at a new file.`);
  process.exit(1);
}
const started = await bootstrap(storage, config, clock);
if (demo && !(await hasUsage(storage))) {
  const filled = await fillDemoDatabase(storage, { timezone: config.timezone, now: clock.now() });
  console.log(
    `Demo: generated ${filled.events} usage events from ${filled.installs} installs, ${filled.firstDay} to ${filled.lastDay} (company holiday ${filled.holiday}), and ${filled.voiceMessages} voice messages in ${(filled.ms / 1000).toFixed(1)} s.`,
  );
}
// The stats' in-memory roll-ups are read now, not by the first dashboard visitor (about half a second at 10M events).
await statsCaches.warm(storage);

if (started.seededDemoContent) console.log('Seeded the demo content into the empty database.');
if (started.generatedAdminToken) {
  console.log(
    `\nNo ADMIN_TOKEN was set, so one was made. It is shown only this once (only its hash is stored):\n\n  ${started.generatedAdminToken}\n`,
  );
} else if (demo && config.adminToken === undefined) {
  // The demo is for looking at: each later start makes a new token to sign in with, rather than asking for the first one.
  const token = generateAdminToken();
  await insertAdminToken(storage, 'pnpm demo', hashToken(token), clock.now());
  console.log(`\nA new admin token for this demo start (only its hash is stored):\n\n  ${token}\n`);
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Hourly, by one instance at a time (the others find the lock held and skip); a failure waits for the next hour. Raw events past retention, and yesterday's voice-limit keys. */
async function prune() {
  try {
    const removed = await storage.exclusively('prune-events', () => pruneEvents(storage, new Date(clock.now().getTime() - config.retentionDays * 86_400_000)));
    if (removed) console.log(`Pruned ${removed} raw events older than ${config.retentionDays} days (roll-ups kept).`);
    // The voice form's daily-limit keys of past days (each message prunes them too; this catches quiet days).
    const today = localDay(clock.now(), await getCompanyTimezone(storage, config.timezone));
    await storage.exclusively('prune-voice-quota', () => pruneVoiceQuota(storage, today));
  } catch (error) {
    console.error(`Pruning raw events failed (tried again in an hour): ${(error as Error).message}`);
  }
}
await prune();
const pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
pruneTimer.unref();

const ANNOUNCE_EVERY_MS = 5 * 60 * 1000;
/**
 * Recognition winners become stories on their announcement day (company-local), not when published: at start and
 * every 5 minutes, by one instance at a time (announceDueWinners is idempotent anyway). The content route also checks
 * lazily (recognition/announce-when-due.ts), so the first sync of the day has them without waiting for this.
 */
async function announce() {
  try {
    const now = clock.now();
    const today = localDay(now, await getCompanyTimezone(storage, config.timezone));
    const made = await storage.exclusively('announce-winners', () => announceDueWinners(storage, today, { now }));
    if (made?.length) console.log(`Announced ${made.length} recognition ${made.length === 1 ? 'winner' : 'winners'}: ${made.map((each) => each.storyId).join(', ')}.`);
  } catch (error) {
    console.error(`Announcing recognition winners failed (tried again in 5 minutes): ${(error as Error).message}`);
  }
}
await announce();
const announceTimer = setInterval(announce, ANNOUNCE_EVERY_MS);
announceTimer.unref();

// One JSON line per request on stdout: route pattern, status, time, size; nothing about who asked.
const requestLines = lineBuffer((chunk) => process.stdout.write(chunk));
const deps = { storage, clock, config, logRequest: (entry: RequestLogEntry) => requestLines.line(JSON.stringify(entry)) };
const server = serveApp(createApp(deps), deps, { port: config.port, hostname: config.host }, (info) => {
  const database = storage.engine === 'sqlite' ? `SQLite through ${SQLITE_DRIVER}` : 'PostgreSQL';
  console.log(`Customer Chair server listening on http://${info.address}:${info.port} (Node ${process.versions.node}, ${database})`);
  if (demo) console.log(`Demo: open http://${info.address}:${info.port}/ and sign in with ${config.adminToken === undefined ? 'the admin token above' : 'ADMIN_TOKEN'} (DEMO database ${config.databasePath}: generated usage, not a company's).`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then closing the database.`);
  clearInterval(pruneTimer);
  clearInterval(announceTimer);
  const exit = () => {
    requestLines.flush();
    storage.close().finally(() => process.exit(0));
  };
  server.close(exit);
  // Keep-alive connections can hold close() open; don't wait for them forever.
  setTimeout(exit, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
