import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, freemem, totalmem, type as osType, release } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { CHROMIUM_PATH } from '../../tests/support/launch-extension';

const ROOT = new URL('../../', import.meta.url);

function version(pkg: string): string | undefined {
  for (const base of ['node_modules/', 'server/node_modules/', 'extension/node_modules/']) {
    try {
      return (JSON.parse(readFileSync(new URL(`${base}${pkg}/package.json`, ROOT), 'utf8')) as { version: string }).version;
    } catch {
      // not installed in this package; try the next
    }
  }
  return undefined;
}

/** `name --version` (or what `flag` prints, on either stream), found on PATH or under `places` (the newest PostgreSQL's bin). */
function commandVersion(name: string, flag: string[], places: string[]): string | undefined {
  const candidates = [name];
  for (const place of places) {
    if (place === '/usr/lib/postgresql' && existsSync(place)) {
      for (const v of readdirSync(place).sort((a, b) => Number(b) - Number(a))) candidates.push(`${place}/${v}/bin/${name}`);
    } else candidates.push(`${place}/${name}`);
  }
  for (const command of candidates) {
    const run = spawnSync(command, flag, { encoding: 'utf8' });
    const text = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
    if (run.status === 0 && text) return text.replace(/^nginx version: /, '');
  }
  return undefined;
}

/** What the figures were measured on, so two results files can be compared honestly. */
export function describeMachine() {
  let chromium: string | undefined;
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromium = undefined;
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryMiB: Math.round(totalmem() / 2 ** 20),
    freeMemoryMiB: Math.round(freemem() / 2 ** 20),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
    postgresql: commandVersion('postgres', ['--version'], ['/usr/lib/postgresql']),
    nginx: commandVersion('nginx', ['-v'], ['/usr/sbin']),
    versions: Object.fromEntries(
      ['better-sqlite3', 'pg', 'hono', '@hono/node-server', 'zod', 'preact', 'wxt', 'autocannon', 'playwright-core'].map((p) => [p, version(p)]),
    ),
  };
}
