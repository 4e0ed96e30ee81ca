import { execFile, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Client as PgClient } from 'pg';

// `pg` is a dependency of the server, not of the root package the tests resolve from: load the server's copy.
const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url));
const { Client } = requireFromServer('pg') as typeof import('pg');

export type PostgresCluster = {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust authentication, loopback only). */
  url: string;
  port: number;
  /** The cluster's data directory (inside a temporary folder that `remove()` deletes). */
  dataDir: string;
  /** The server's log, for messages when something fails. */
  logFile: string;
  /** CREATE DATABASE "name" [TEMPLATE "template"]; resolves to the new database's URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  /** DROP DATABASE IF EXISTS "name" WITH (FORCE): connections still open to it are ended. */
  dropDatabase(name: string): Promise<void>;
  /** `pg_ctl stop -m fast|immediate -w` (fast by default); immediate is a crash, recovered from on the next start. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts the same data directory again, on the same port. */
  start(): Promise<void>;
  /** Stops the server (immediate) if it runs and deletes the temporary folder. */
  remove(): Promise<void>;
};

const INSTALL_HINT = 'PostgreSQL 15+ is needed for the PostgreSQL test run: apt-get install postgresql';
const MIN_MAJOR = 15;

type Binaries = { initdb: string; pgCtl: string };

/** initdb and pg_ctl from PATH when both are there, else from the highest /usr/lib/postgresql/<version>/bin. */
function findBinaries(): Binaries {
  const candidates: string[] = [];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) candidates.push(dir);
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(join(debianRoot, version, 'bin'));
  }
  for (const dir of candidates) {
    const initdb = join(dir, 'initdb');
    const pgCtl = join(dir, 'pg_ctl');
    if (!existsSync(initdb) || !existsSync(pgCtl)) continue;
    // Resolved, so that pg_ctl finds the `postgres` binary beside it even through a symlink.
    const found = { initdb: realpathSync(initdb), pgCtl: realpathSync(pgCtl) };
    const version = spawnSync(found.initdb, ['--version'], { encoding: 'utf8' }).stdout ?? '';
    const major = Number(/\b(\d+)(?:\.\d+)?/.exec(version)?.[1] ?? NaN);
    if (major >= MIN_MAJOR) return found;
  }
  throw new Error(`initdb and pg_ctl (version ${MIN_MAJOR} or newer) not found on PATH nor in ${debianRoot}/*/bin. ${INSTALL_HINT}`);
}

function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  for (const dir of dirs) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

const shellQuote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/**
 * How commands run: as this user, or, for root (initdb and pg_ctl refuse root), as `postgres`
 * through runuser, or su when runuser is missing.
 */
type Runner = { argv(command: string[]): string[]; owner?: { uid: number; gid: number } };

function makeRunner(): Runner {
  if (process.getuid?.() !== 0) return { argv: (command) => command };
  const ids = spawnSync('id', ['postgres'], { encoding: 'utf8' });
  const uid = /uid=(\d+)/.exec(ids.stdout ?? '')?.[1];
  const gid = /gid=(\d+)/.exec(ids.stdout ?? '')?.[1];
  if (ids.status !== 0 || uid === undefined || gid === undefined) {
    throw new Error(`Running as root, and initdb refuses root, but there is no "postgres" user to run it as. ${INSTALL_HINT}`);
  }
  const owner = { uid: Number(uid), gid: Number(gid) };
  const runuser = findExecutable('runuser');
  if (runuser) return { argv: (command) => [runuser, '-u', 'postgres', '--', ...command], owner };
  const su = findExecutable('su');
  if (su) return { argv: (command) => [su, 'postgres', '-s', '/bin/sh', '-c', command.map(shellQuote).join(' ')], owner };
  throw new Error('Running as root, and initdb refuses root, but neither runuser nor su is there to run it as "postgres".');
}

function run(argv: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${argv.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve();
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Clusters whose server may still run or whose folder still exists: cleaned up when the process exits. */
const live = new Set<{ cleanUpSync(): void }>();
let exitHookRegistered = false;
function registerExitHook() {
  if (exitHookRegistered) return;
  exitHookRegistered = true;
  process.on('exit', () => {
    for (const cluster of live) cluster.cleanUpSync();
  });
}

/**
 * A throwaway PostgreSQL cluster of the machine's own binaries (Debian's `postgresql`): initdb in a
 * temporary folder, a free port on 127.0.0.1 only, trust authentication, durability off (fsync,
 * synchronous_commit, full_page_writes) since nothing here outlives the test run. The server is
 * stopped and the folder deleted on `remove()`, when the process exits, and, should the process be
 * killed, by a small watchdog shell that notices its pipe from this process close.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const binaries = findBinaries();
  const runner = makeRunner();
  const root = mkdtempSync(join(tmpdir(), 'customer-chair-pg-'));
  if (runner.owner) chownSync(root, runner.owner.uid, runner.owner.gid);
  const dataDir = join(root, 'data');
  const logFile = join(root, 'postgres.log');
  const asOwner = (command: string[]) => runner.argv(command);

  let running = false;
  let removed = false;
  const stopArgv = (mode: 'fast' | 'immediate') => asOwner([binaries.pgCtl, 'stop', '-D', dataDir, '-m', mode, '-w', '-t', '60']);

  // Should this process die without running its exit hooks (SIGKILL, a signal), this shell reads
  // end-of-file on its stdin, stops the server and deletes the folder.
  const watchdog = spawn(
    '/bin/sh',
    ['-c', `read _ignored; ${stopArgv('immediate').map(shellQuote).join(' ')}; rm -rf ${shellQuote(root)}`],
    { cwd: root, detached: true, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  watchdog.on('error', () => {});
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();

  const entry = {
    cleanUpSync() {
      if (running) spawnSync(stopArgv('immediate')[0]!, stopArgv('immediate').slice(1), { cwd: root, stdio: 'ignore' });
      running = false;
      rmSync(root, { recursive: true, force: true });
      if (watchdog.exitCode === null && watchdog.pid !== undefined) {
        try {
          watchdog.kill('SIGKILL');
        } catch {
          // Already gone.
        }
      }
      live.delete(entry);
    },
  };
  live.add(entry);
  registerExitHook();

  const logTail = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '(no log)');

  try {
    await run(
      asOwner([binaries.initdb, '-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']),
      root,
    );
  } catch (error) {
    entry.cleanUpSync();
    throw error;
  }

  let port = 0;
  const pgCtlStart = () => run(asOwner([binaries.pgCtl, 'start', '-D', dataDir, '-l', logFile, '-w', '-t', '60']), root);

  // The port is free when asked for, but another process may take it before PostgreSQL binds it: try a few.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    // In postgresql.conf, so that every later start uses the same settings and port.
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      [
        '',
        '# Throwaway test cluster (tests/support/postgres-cluster.ts); later lines win.',
        "listen_addresses = '127.0.0.1'",
        `port = ${port}`,
        `unix_socket_directories = '${root.replaceAll("'", "''")}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 300',
        '',
      ].join('\n'),
    );
    try {
      await pgCtlStart();
      running = true;
      break;
    } catch (error) {
      const log = logTail();
      if (attempt < 3 && /could not bind|address already in use/i.test(log)) continue;
      entry.cleanUpSync();
      throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n--- ${logFile}\n${log}`);
    }
  }

  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const url = urlFor('postgres');

  async function onMaintenanceDatabase(sql: string) {
    const client: PgClient = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  return {
    url,
    port,
    dataDir,
    logFile,
    async createDatabase(name, template) {
      await onMaintenanceDatabase(`CREATE DATABASE ${quoteIdentifier(name)}${template === undefined ? '' : ` TEMPLATE ${quoteIdentifier(template)}`}`);
      return urlFor(name);
    },
    async dropDatabase(name) {
      await onMaintenanceDatabase(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    },
    async stop(mode = 'fast') {
      if (!running) return;
      await run(stopArgv(mode), root);
      running = false;
    },
    async start() {
      if (removed) throw new Error('This PostgreSQL cluster was removed.');
      if (running) return;
      try {
        await pgCtlStart();
      } catch (error) {
        throw new Error(`PostgreSQL did not start again: ${(error as Error).message}\n--- ${logFile}\n${logTail()}`);
      }
      running = true;
    },
    async remove() {
      if (removed) return;
      removed = true;
      if (running) {
        await run(stopArgv('immediate'), root).catch(() => {});
        running = false;
      }
      entry.cleanUpSync();
    },
  };
}
