import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tokensCommand } from '../../../server/src/cli/tokens';
import { fixedClock } from '../../../server/src/clock';
import { sql } from '../../../server/src/storage/sql';
import { openDatabase } from '../../../server/src/storage/sqlite/open-database';
import { sqliteStorage } from '../../../server/src/storage/sqlite/sqlite-storage';
import type { Storage } from '../../../server/src/storage/storage';
import { startServer } from '../../support/start-server';
import { openTestStorage, testEngine } from '../../support/test-storage';

const SERVER_DIR = fileURLToPath(new URL('../../../server/', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'cc-tokens-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** This run's engine's database called `name`: a SQLite file in the folder, or a fresh PostgreSQL database (kept for the file, as a server keeps its own). */
const databases = new Map<string, Promise<Storage>>();
function database(name: string): Promise<Storage> {
  if (testEngine() === 'sqlite') return Promise.resolve(sqliteStorage(openDatabase(join(folder, name))));
  if (!databases.has(name)) databases.set(name, openTestStorage());
  return databases.get(name)!;
}

/** Runs the command on a real database (opened for it, as the command line does) and collects what it prints. */
async function run(name: string, ...args: string[]) {
  const storage = await database(name);
  const lines: string[] = [];
  const errors: string[] = [];
  try {
    const code = await tokensCommand(args, { storage, clock: fixedClock('2026-11-23T10:00:00Z'), out: (l) => lines.push(l), err: (l) => errors.push(l) });
    return { code, out: lines.join('\n'), err: errors.join('\n') };
  } finally {
    if (storage.engine === 'sqlite') await storage.close();
  }
}

/** The same as a process, as the `tokens` package script runs it (`tsx src/main.ts tokens …`), on the database `where` names (DATABASE_PATH or DATABASE_URL). */
function runScript(where: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'tokens', ...args], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...where },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the tokens command', () => {
  it('creates a labelled token, prints it once and stores only its hash; lists and revokes by label or id', async () => {
    const name = 'unit.db';
    const created = await run(name, 'create', '--label', 'Ana (CX)');
    expect(created.code).toBe(0);
    const token = /\n {2}(cc_admin_[A-Za-z0-9_-]{43})\n/.exec(created.out)![1]!;
    const storage = await database(name);
    const stored = JSON.stringify(await storage.all(sql`SELECT * FROM admin_tokens`));
    if (storage.engine === 'sqlite') await storage.close();
    expect(stored).not.toContain(token);
    expect(await run(name, 'create', '--label', 'Ana (CX)')).toMatchObject({ code: 1, err: expect.stringMatching(/already labelled "Ana \(CX\)"/) });
    expect((await run(name, 'create', '--label', 'Bo (CX)')).code).toBe(0);
    expect((await run(name, 'list')).out).toMatch(/^ {3}1 {2}live .* Ana \(CX\)\n {3}2 {2}live .* Bo \(CX\)$/);
    expect(await run(name, 'revoke', 'Ana (CX)')).toMatchObject({ code: 0, out: 'Revoked admin token 1 ("Ana (CX)"); it and its dashboard sessions no longer work.' });
    expect((await run(name, 'revoke', '2')).code).toBe(0);
    expect(await run(name, 'revoke', '2')).toMatchObject({ code: 1, err: 'No live token has the id or label "2"; see "tokens list".' });
    expect((await run(name, 'list')).out).toMatch(/revoked 2026-11-23T10:00:00.000Z .* Ana \(CX\)/);
  });

  it('says how to use it when the command or label is missing', async () => {
    const name = 'usage.db';
    expect(await run(name, 'create')).toMatchObject({ code: 2, err: expect.stringMatching(/--label/) });
    expect((await run(name, 'create', '--label', 'x'.repeat(61))).code).toBe(2);
    expect(await run(name)).toMatchObject({ code: 2, err: expect.stringMatching(/^Usage/) });
  });

  // Two processes on one SQLite file take its write lock in turn; on PostgreSQL the command takes a lock of its own.
  it.skipIf(testEngine() === 'sqlite')('makes one token when two commands create the same label at once', async () => {
    const answers = await Promise.all([run('race', 'create', '--label', 'Ana (CX)'), run('race', 'create', '--label', 'Ana (CX)')]);
    expect(answers.map((a) => a.code).sort()).toEqual([0, 1]);
    expect(await (await database('race')).all(sql`SELECT label FROM admin_tokens WHERE revoked_at IS NULL`)).toEqual([{ label: 'Ana (CX)' }]);
  });

  it('works on a running server’s database: a new token is accepted, a revoked one refused at once', async () => {
    const databasePath = join(folder, 'live.db');
    const where: Record<string, string> =
      testEngine() === 'sqlite'
        ? { DATABASE_PATH: databasePath }
        : { DATABASE_URL: ((await openTestStorage()) as Storage & { pool: { options: { connectionString: string } } }).pool.options.connectionString };
    const server = await startServer({ databasePath, env: where });
    try {
      const created = runScript(where, 'create', '--label', 'Ana (CX)');
      expect(created.code).toBe(0);
      const token = /\n {2}(cc_admin_[A-Za-z0-9_-]{43})\n/.exec(created.out)![1]!;
      const stories = () => fetch(`${server.url}/api/v1/admin/stories`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await stories()).status).toBe(200);
      expect(runScript(where, 'revoke', 'Ana (CX)').code).toBe(0);
      expect((await stories()).status).toBe(401);
      const audit = await fetch(`${server.url}/api/v1/admin/audit?entity=token`, { headers: { Authorization: `Bearer ${server.adminToken}` } });
      expect(((await audit.json()) as { entries: { action: string; label: string }[] }).entries.map((e) => [e.action, e.label])).toEqual([
        ['revoked', 'server command line'],
        ['created', 'server command line'],
      ]);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
