import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvent } from '../support/make-event';
import { storedFigures } from '../support/stored-events';
import { startServer, type RunningServer } from '../support/start-server';

const SERVER_DIR = fileURLToPath(new URL('../../server/', import.meta.url));
const running: RunningServer[] = [];
const folders: string[] = [];

function tempFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'cc-main-'));
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

// Each test starts the real process (tsx compiles main.ts on the way): seconds on a loaded machine, so more than vitest's 5 s default.
describe('the server process (main.ts)', { timeout: 30_000 }, () => {
  it('starts on a random port, creating the database folder, and answers /health', async () => {
    const databasePath = join(tempFolder(), 'nested', 'folder', 'cc.db');
    const server = await startServer({ databasePath });
    running.push(server);
    const response = await fetch(`${server.url}/health`);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(server.output()).toMatch(/Seeded the demo content/);
  });

  it('keeps events across a restart on the same file', async () => {
    const databasePath = join(tempFolder(), 'cc.db');
    const events = [makeEvent({ at: new Date().toISOString() }), makeEvent({ at: new Date().toISOString() })];
    const first = await startServer({ databasePath });
    const post = (url: string) =>
      fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events }) });
    expect(await (await post(first.url)).json()).toEqual({ accepted: 2, duplicates: 0 });
    await first.stop();

    const second = await startServer({ databasePath, port: first.port, adminToken: first.adminToken });
    running.push(second);
    expect(second.output()).not.toMatch(/Seeded/);
    // The same events sent again after the restart are recognised, and both are stored (the stats show them once their week has finished).
    expect(await (await post(second.url)).json()).toEqual({ accepted: 0, duplicates: 2 });
    expect(storedFigures(databasePath).actionsTaken).toBe(2);
  });

  it('makes an admin token on first start when none is set, prints it once, and accepts it', async () => {
    const databasePath = join(tempFolder(), 'cc.db');
    const first = await startServer({ databasePath, env: { ADMIN_TOKEN: '' } });
    const token = /\n {2}(cc_admin_[A-Za-z0-9_-]{43})\n/.exec(first.output())?.[1];
    expect(token).toBeDefined();
    const ok = await fetch(`${first.url}/api/v1/stats`, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    await first.stop();

    const second = await startServer({ databasePath, env: { ADMIN_TOKEN: '' } });
    running.push(second);
    expect(second.output()).not.toMatch(/cc_admin_/);
    const again = await fetch(`${second.url}/api/v1/stats`, { headers: { Authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
  });

  it('refuses to start with a bad setting, naming it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: { PATH: process.env.PATH, PORT: 'not-a-port', DATABASE_PATH: join(tempFolder(), 'cc.db') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT="not-a-port"/);
  });
});
