import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../../server/', import.meta.url));

export type RunningServer = {
  url: string;
  port: number;
  adminToken: string;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM, then wait for the process to end (SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  process: ChildProcess;
};

/**
 * Starts the real server process (`server/src/main.ts`) on 127.0.0.1, the
 * way an operator would, and resolves once it listens. Port 0 picks a free
 * port; pass the same port again to restart on the same URL.
 */
export async function startServer(options: {
  databasePath: string;
  port?: number;
  adminToken?: string;
  env?: Record<string, string>;
  /** Standard output (the request log) to this file instead of a pipe to this process, as a deployment would; for benchmarks. */
  logFile?: string;
  /** How long to wait for it to listen (30 s unless given): a server reads its stats roll-ups before it listens. */
  startTimeoutMs?: number;
}): Promise<RunningServer> {
  const logFd = options.logFile === undefined ? undefined : openSync(options.logFile, 'w');
  const adminToken = options.adminToken ?? `test-admin-${randomBytes(16).toString('hex')}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(options.port ?? 0),
      DATABASE_PATH: options.databasePath,
      ADMIN_TOKEN: adminToken,
      ...options.env,
    },
    stdio: ['ignore', logFd ?? 'pipe', 'pipe'],
  });
  if (logFd !== undefined) closeSync(logFd);
  let piped = '';
  const output = () => (options.logFile === undefined ? piped : `${readFileSync(options.logFile, 'utf8')}${piped}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    let listening = false;
    const look = () => {
      // The server logs a line per request: once it listens, stop searching the (growing) output.
      if (listening) return;
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output());
      if (match) {
        listening = true;
        clearTimeout(timer);
        clearInterval(poll);
        resolve(Number(match[1]));
      }
    };
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      clearInterval(poll);
      reject(new Error(`server did not start in ${timeoutMs / 1000} s:\n${output()}`));
    }, timeoutMs);
    // Output going to a file is looked at a few times a second until the server listens; piped output as it comes.
    const poll = options.logFile === undefined ? undefined : setInterval(look, 50);
    const onData = (chunk: Buffer) => {
      piped += chunk.toString();
      look();
    };
    child.stdout?.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`server exited with ${code} before listening:\n${output()}`));
    });
  });

  async function end(signal: NodeJS.Signals) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(force);
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    adminToken,
    output,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    process: child,
  };
}
