import { SqliteDatabase as Database } from '../../server/src/storage/sqlite/sqlite-driver';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestClient } from '../support/ingest-client';
import { startServer, type RunningServer } from '../support/start-server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'cc-backup-'));
const databasePath = join(folder, 'live', 'cc.db');
const running: RunningServer[] = [];

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  rmSync(folder, { recursive: true, force: true });
});

/** The documented command, as an operator types it at the repository root. */
function backup(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['--filter', '@customer-chair/server', 'backup', file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_PATH: databasePath },
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code, output })));
  });
}

async function admin(server: RunningServer, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/api/v1/admin${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return response.json() as Promise<Record<string, unknown>>;
}

/** All content as the export shows it, minus the moment of the export. */
async function content(server: RunningServer) {
  const { exportedAt: _, ...rest } = await admin(server, 'GET', '/export');
  return rest;
}

describe('online backup', () => {
  it('copies a running server under ingest load; the restored copy has every acknowledged event and all content', async () => {
    const server = await startServer({ databasePath, env: { RATE_LIMIT_EVENTS_PER_MINUTE: '0' } });
    running.push(server);
    // Content of every kind, changed through the admin API.
    const story = await admin(server, 'POST', '/stories', {
      title: 'Backups keep promises',
      customer: 'Harbour Bank — IT',
      body: 'They restored last night’s copy in five minutes.',
      tags: ['it'],
    });
    await admin(server, 'PUT', `/schedule/2099-01-05`, { storyId: story.id });
    await admin(server, 'POST', '/prompts', { text: 'Would the customer notice?', where: 'both' });
    await admin(server, 'POST', '/roles', { name: 'Field service', actions: [{ text: 'Visit a site.' }, { text: 'Read tickets.' }, { text: 'Call a customer.' }] });
    await admin(server, 'POST', '/departments', { name: 'Field Service', headcount: 40 });
    const settings = await admin(server, 'GET', '/settings');
    await admin(server, 'PUT', '/settings', { timezone: 'Europe/Paris', revision: settings.revision });
    const contentBefore = await content(server);

    // Four clients keep posting throughout the backup.
    const clients = Array.from({ length: 4 }, () => new IngestClient(50));
    let acks = 0;
    const load = clients.map((c) => c.run(server.url, () => acks++));
    await expect.poll(() => acks, { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    const acknowledgedBefore = clients.flatMap((c) => c.acknowledged.map((e) => e.id));
    const acksBefore = acks;

    const target = join(folder, 'backups', 'cc-backup.db');
    const result = await backup(target);
    const acksDuring = acks - acksBefore;
    clients.forEach((c) => c.stop());
    await Promise.all(load);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/Backed up the database to .*cc-backup\.db .*raw events/);
    // The server kept answering while the copy was made.
    expect(acksDuring).toBeGreaterThan(0);
    expect(existsSync(`${target}.partial`)).toBe(false);

    // Every event acknowledged before the backup started is in it, once.
    const copy = new Database(target, { readonly: true });
    const ids = new Set(copy.prepare('SELECT id FROM events').pluck().all() as string[]);
    const rolledUp = (copy.prepare('SELECT SUM(count) FROM daily_counts').pluck().get() as number) ?? 0;
    copy.close();
    expect(acknowledgedBefore.filter((id) => !ids.has(id))).toEqual([]);
    expect(rolledUp).toBe(ids.size);

    // Restore as the README says: the backup file becomes a server's DATABASE_PATH.
    const restoredPath = join(folder, 'restored', 'cc.db');
    mkdirSync(join(folder, 'restored'));
    copyFileSync(target, restoredPath);
    const restored = await startServer({ databasePath: restoredPath, adminToken: server.adminToken });
    running.push(restored);
    expect(await content(restored)).toEqual(contentBefore);
    const health = await fetch(`${restored.url}/health`);
    expect(health.status).toBe(200);

    // Backups are never overwritten.
    const again = await backup(target);
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/already exists/);

    console.log(
      `backup: ${acknowledgedBefore.length} events acknowledged before the backup all in it (${ids.size} in the copy; ${acksDuring} batches acknowledged while it ran); content restored identical`,
    );
  });
});
