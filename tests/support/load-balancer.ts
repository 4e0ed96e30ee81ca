import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export type Upstream = { host: string; port: number };

export type LoadBalancer = {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The folder holding nginx's configuration, logs and temporary files (deleted by `stop()`). */
  dir: string;
  /** nginx's error log: upstream failures, retries, servers marked down. */
  errorLogFile: string;
  /** One line per request, with the upstream(s) tried and their statuses. */
  accessLogFile: string;
  /** The last lines of the error log, for assertion messages. */
  errorLog(lines?: number): string;
  /** Points the load balancer at other servers (nginx reloads its configuration; connections in flight finish on the old workers). */
  reload(upstreams: Upstream[]): Promise<void>;
  /** Stops nginx (fast shutdown) and deletes its folder. */
  stop(): Promise<void>;
};

const INSTALL_HINT = "Debian's nginx is needed for the multi-instance test: apt-get install nginx (.ci/run installs it when missing)";

function findNginx(): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/usr/local/sbin'];
  for (const dir of dirs) if (dir && existsSync(join(dir, 'nginx'))) return join(dir, 'nginx');
  throw new Error(`nginx not found on PATH nor in /usr/sbin. ${INSTALL_HINT}`);
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

const quote = (path: string) => `"${path.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
const shellQuote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

function configuration(dir: string, port: number, upstreams: Upstream[]): string {
  if (upstreams.length === 0) throw new Error('A load balancer needs at least one upstream server.');
  const isRoot = process.getuid?.() === 0;
  return [
    '# Written by tests/support/load-balancer.ts: a throwaway load balancer on loopback.',
    // Started as root, nginx's workers switch to `user` (nobody by default), which could not read
    // this folder nor write its temporary files: keep them root. Not root, nginx cannot switch and
    // ignores the directive (with a warning), so it is left out.
    isRoot ? 'user root root;' : '',
    'worker_processes 1;',
    // In the foreground, as this process's child: stopped with it, no daemon to find afterwards.
    'daemon off;',
    'master_process on;',
    `pid ${quote(join(dir, 'nginx.pid'))};`,
    // notice: also the "start worker process" lines that tell a reload has taken effect.
    `error_log ${quote(join(dir, 'error.log'))} notice;`,
    'events { worker_connections 1024; }',
    'http {',
    '  log_format upstreams \'$msec "$request" $status $request_time upstream=$upstream_addr statuses=$upstream_status\';',
    `  access_log ${quote(join(dir, 'access.log'))} upstreams;`,
    // Every temporary path in this folder (the compiled-in ones are under /var/lib/nginx).
    `  client_body_temp_path ${quote(join(dir, 'client-body'))};`,
    `  proxy_temp_path ${quote(join(dir, 'proxy'))};`,
    `  fastcgi_temp_path ${quote(join(dir, 'fastcgi'))};`,
    `  uwsgi_temp_path ${quote(join(dir, 'uwsgi'))};`,
    `  scgi_temp_path ${quote(join(dir, 'scgi'))};`,
    // Batches are kept in memory whole: nginx must hold the body to send it again to another server.
    '  client_max_body_size 16m;',
    '  client_body_buffer_size 16m;',
    '  upstream instances {',
    // Round robin. One failure takes a server out for a second; then it is tried again (a restarted instance comes back).
    ...upstreams.map(({ host, port: upstreamPort }) => `    server ${host}:${upstreamPort} max_fails=1 fail_timeout=1s;`),
    '  }',
    '  server {',
    `    listen 127.0.0.1:${port};`,
    '    location / {',
    '      proxy_pass http://instances;',
    '      proxy_set_header Host $host;',
    '      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    // A killed server refuses connections at once; a hung one is given up after a second.
    '      proxy_connect_timeout 1s;',
    '      proxy_send_timeout 10s;',
    '      proxy_read_timeout 20s;',
    // A request that failed on one server (refused, cut by a crash, timed out, or 502/503 while its database is
    // away) is tried on the next. `non_idempotent` lets nginx do so for POST too, which it otherwise never
    // retries once sent: safe here because ingest is idempotent by event id (a batch the crashed server did
    // commit is answered as duplicates by the next one) and is acknowledged only after its commit.
    '      proxy_next_upstream error timeout http_502 http_503 http_504 non_idempotent;',
    '      proxy_next_upstream_timeout 20s;',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Load balancers still running: stopped when the process exits. */
const live = new Set<{ cleanUpSync(): void }>();
let exitHookRegistered = false;
function registerExitHook() {
  if (exitHookRegistered) return;
  exitHookRegistered = true;
  process.on('exit', () => {
    for (const balancer of live) balancer.cleanUpSync();
  });
}

const countStarts = (log: string) => log.split('start worker process').length - 1;

/**
 * Starts Debian's nginx as a round-robin HTTP load balancer on 127.0.0.1 (a
 * free port) in front of `upstreams`: its own configuration, logs, pid and
 * temporary files in a temporary folder (`-p`, `-c`, `-e`), one worker, in the
 * foreground as this process's child. Root or not: as root its worker stays
 * root (`user root`). It is stopped by `stop()`, when this process exits, and,
 * should this process be killed, by a small watchdog shell that notices its
 * pipe from this process close.
 */
export async function startLoadBalancer(upstreams: Upstream[]): Promise<LoadBalancer> {
  const nginx = findNginx();
  const dir = mkdtempSync(join(tmpdir(), 'customer-chair-nginx-'));
  const configFile = join(dir, 'nginx.conf');
  const errorLogFile = join(dir, 'error.log');
  const accessLogFile = join(dir, 'access.log');
  for (const sub of ['client-body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  const readErrorLog = () => (existsSync(errorLogFile) ? readFileSync(errorLogFile, 'utf8') : '');
  const errorLog = (lines = 40) => readErrorLog().split('\n').slice(-lines - 1).join('\n') || '(empty)';
  const argv = ['-p', dir, '-c', configFile, '-e', errorLogFile];

  let child: ChildProcess | undefined;
  let watchdog: ChildProcess | undefined;
  let output = '';
  let port = 0;

  const entry = {
    cleanUpSync() {
      if (child && child.exitCode === null && child.signalCode === null) {
        try {
          child.kill('SIGTERM');
        } catch {
          // Already gone.
        }
      }
      if (watchdog && watchdog.exitCode === null) {
        try {
          watchdog.kill('SIGKILL');
        } catch {
          // Already gone.
        }
      }
      rmSync(dir, { recursive: true, force: true });
      live.delete(entry);
    },
  };
  live.add(entry);
  registerExitHook();

  // The port is free when asked for, but another process may take it before nginx binds it: try a few.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    writeFileSync(configFile, configuration(dir, port, upstreams));
    const test = spawnSync(nginx, [...argv, '-t', '-q'], { encoding: 'utf8' });
    if (test.status !== 0) {
      entry.cleanUpSync();
      throw new Error(`nginx rejected its configuration (${configFile}):\n${test.stdout}${test.stderr}`);
    }
    output = '';
    const started = spawn(nginx, argv, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    started.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      const poll = setInterval(() => {
        if (countStarts(readErrorLog()) > 0) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve(true);
        }
      }, 20);
      started.once('exit', () => {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(false);
      });
      started.once('error', () => resolve(false));
    });
    if (ready) break;
    const log = `${output}\n${errorLog()}`;
    if (started.exitCode === null) started.kill('SIGKILL');
    if (attempt < 3 && /Address already in use/i.test(log)) continue;
    entry.cleanUpSync();
    throw new Error(`nginx did not start: ${log}`);
  }

  // Should this process die without running its exit hooks, this shell reads end-of-file on its stdin and stops nginx.
  const pid = child.pid!;
  watchdog = spawn('/bin/sh', ['-c', `read _ignored; kill -TERM ${pid} 2>/dev/null; sleep 1; rm -rf ${shellQuote(dir)}`], {
    cwd: tmpdir(),
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.on('error', () => {});
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();

  const running = child;
  const exited = new Promise<void>((resolve) => {
    if (running.exitCode !== null || running.signalCode !== null) resolve();
    else running.once('exit', () => resolve());
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    errorLogFile,
    accessLogFile,
    errorLog,
    async reload(next) {
      if (running.exitCode !== null || running.signalCode !== null) throw new Error(`nginx is not running:\n${output}\n${errorLog()}`);
      const before = countStarts(readErrorLog());
      writeFileSync(configFile, configuration(dir, port, next));
      const test = spawnSync(nginx, [...argv, '-t', '-q'], { encoding: 'utf8' });
      if (test.status !== 0) throw new Error(`nginx rejected its new configuration (${configFile}):\n${test.stdout}${test.stderr}`);
      running.kill('SIGHUP');
      // The master starts a new worker with the new configuration once it has read it.
      const deadline = Date.now() + 10_000;
      while (countStarts(readErrorLog()) <= before) {
        if (Date.now() > deadline) throw new Error(`nginx did not reload in 10 s:\n${errorLog()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      if (running.exitCode === null && running.signalCode === null) {
        running.kill('SIGTERM');
        const force = setTimeout(() => running.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(force);
      }
      entry.cleanUpSync();
    },
  };
}
