import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tokensCommand } from '../../../server/src/cli/tokens';
import { fixedClock } from '../../../server/src/clock';
import { listAuditEntries } from '../../../server/src/storage/queries/list-audit-entries';
import { saveDepartment } from '../../../server/src/storage/queries/save-department';
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

  it('gives a token a role, admin unless --role says judge or viewer; a judge may be kept from their own department’s entries', async () => {
    const name = 'roles.db';
    const storage = await database(name);
    await saveDepartment(storage, { id: 'sales', name: 'Sales' });
    await saveDepartment(storage, { id: 'support', name: 'Customer Support' });
    if (storage.engine === 'sqlite') await storage.close();

    expect(await run(name, 'create', '--label', 'Ana (CX)')).toMatchObject({ code: 0, out: expect.stringMatching(/^Made admin token 1 for "Ana \(CX\)"\. It is shown/) });
    const judge = await run(name, 'create', '--label', 'Jo (judge)', '--role', 'judge', '--department', 'sales');
    expect(judge).toMatchObject({ code: 0, out: expect.stringMatching(/^Made judge token 2 for "Jo \(judge\)", kept from the entries of Sales \(sales\)\. It is shown/) });
    expect((await run(name, 'create', '--role', 'judge', '--label', 'Kim (judge)')).code).toBe(0);
    expect((await run(name, 'create', '--label', 'Vi (viewer)', '--role', 'viewer')).code).toBe(0);
    const list = (await run(name, 'list')).out.split('\n');
    expect(list).toHaveLength(4);
    expect(list[0]).toMatch(/ admin {3}Ana \(CX\)$/);
    expect(list[1]).toMatch(/ judge, not sales {2}Jo \(judge\)$/);
    expect(list[2]).toMatch(/ judge {3}Kim \(judge\)$/);
    expect(list[3]).toMatch(/ viewer {2}Vi \(viewer\)$/);

    const stored = await database(name);
    expect(await stored.all(sql`SELECT label, role, department FROM admin_tokens ORDER BY id`)).toEqual([
      { label: 'Ana (CX)', role: 'admin', department: null },
      { label: 'Jo (judge)', role: 'judge', department: 'sales' },
      { label: 'Kim (judge)', role: 'judge', department: null },
      { label: 'Vi (viewer)', role: 'viewer', department: null },
    ]);
    const audit = (await listAuditEntries(stored, { limit: 10 })).entries.map((e) => e.summary);
    if (stored.engine === 'sqlite') await stored.close();
    expect(audit).toEqual([
      'viewer token for “Vi (viewer)”',
      'judge token for “Kim (judge)”',
      'judge token for “Jo (judge)”, kept from the entries of Sales (sales)',
      'token for “Ana (CX)”',
    ]);
  });

  it('refuses a wrong role, a department for a non-judge, and an unknown department (naming the known ones), making nothing', async () => {
    const name = 'wrong-roles.db';
    const storage = await database(name);
    await saveDepartment(storage, { id: 'sales', name: 'Sales' });
    await saveDepartment(storage, { id: 'support', name: 'Customer Support' });
    if (storage.engine === 'sqlite') await storage.close();

    expect(await run(name, 'create', '--label', 'Jo', '--role', 'chair')).toEqual({ code: 2, out: '', err: '--role must be admin, judge or viewer (admin when left out), not "chair".' });
    expect(await run(name, 'create', '--label', 'Jo', '--role')).toMatchObject({ code: 2, err: expect.stringMatching(/not nothing/) });
    expect(await run(name, 'create', '--label', 'Jo', '--department', 'sales')).toMatchObject({ code: 2, err: expect.stringMatching(/^--department is for judges only/) });
    expect(await run(name, 'create', '--label', 'Jo', '--role', 'viewer', '--department', 'sales')).toMatchObject({ code: 2, err: expect.stringMatching(/judges only/) });
    expect(await run(name, 'create', '--label', 'Jo', '--role', 'judge', '--department')).toMatchObject({ code: 2, err: expect.stringMatching(/needs the id/) });
    expect(await run(name, 'create', '--label', 'Jo', '--role', 'judge', '--department', 'Sales')).toEqual({
      code: 1,
      out: '',
      err: 'No department has the id "Sales"; the known ones are: sales (Sales), support (Customer Support).',
    });
    expect(await run(name, 'create', '--label', 'Jo', '--roles', 'judge')).toMatchObject({ code: 2, err: 'tokens create takes --label, --role and --department, not --roles.' });
    expect((await run(name, 'list')).out).toBe('No admin tokens yet.');

    expect(await run('no-departments.db', 'create', '--label', 'Jo', '--role', 'judge', '--department', 'sales')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/none are set up yet/),
    });
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

      // A viewer reads adoption and nothing else; a judge neither (the server has the demo departments).
      const viewer = /\n {2}(cc_admin_[A-Za-z0-9_-]{43})\n/.exec(runScript(where, 'create', '--label', 'Vi', '--role', 'viewer').out)![1]!;
      const judge = /\n {2}(cc_admin_[A-Za-z0-9_-]{43})\n/.exec(runScript(where, 'create', '--label', 'Jo', '--role', 'judge', '--department', 'sales').out)![1]!;
      const as = (token: string, path: string) => fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await as(viewer, '/api/v1/stats')).status).toBe(200);
      expect((await as(viewer, '/api/v1/admin/stories')).status).toBe(403);
      expect((await as(judge, '/api/v1/stats')).status).toBe(403);
      expect(await (await as(judge, '/api/v1/admin/stories')).json()).toEqual({ error: { code: 'forbidden', message: "This needs the admin role; your token is a judge's." } });
      const audit = await fetch(`${server.url}/api/v1/admin/audit?entity=token`, { headers: { Authorization: `Bearer ${server.adminToken}` } });
      expect(((await audit.json()) as { entries: { action: string; label: string }[] }).entries.map((e) => [e.action, e.label])).toEqual([
        ['created', 'server command line'],
        ['created', 'server command line'],
        ['revoked', 'server command line'],
        ['created', 'server command line'],
      ]);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
