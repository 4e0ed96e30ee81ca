import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tokensCommand } from '../../../server/src/cli/tokens';
import { fixedClock } from '../../../server/src/clock';
import { openDatabase } from '../../../server/src/storage/sqlite/open-database';
import { startServer } from '../../support/start-server';

const SERVER_DIR = fileURLToPath(new URL('../../../server/', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'cc-tokens-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the command on a real database file and collects what it prints. */
function run(databasePath: string, ...args: string[]) {
  const db = openDatabase(databasePath);
  const lines: string[] = [];
  const errors: string[] = [];
  try {
    const code = tokensCommand(args, { db, clock: fixedClock('2026-11-23T10:00:00Z'), out: (l) => lines.push(l), err: (l) => errors.push(l) });
    return { code, out: lines.join('\n'), err: errors.join('\n') };
  } finally {
    db.close();
  }
}

/** The same as a process, as the `tokens` package script runs it (`tsx src/main.ts tokens …`). */
function runScript(databasePath: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'tokens', ...args], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_PATH: databasePath },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the tokens command', () => {
  it('creates a labelled token, prints it once and stores only its hash; lists and revokes by label or id', () => {
    const path = join(folder, 'unit.db');
    const created = run(path, 'create', '--label', 'Ana (CX)');
    expect(created.code).toBe(0);
    const token = /\n {2}(cc_admin_[A-Za-z0-9_-]{43})\n/.exec(created.out)![1]!;
    const db = openDatabase(path);
    const stored = JSON.stringify(db.prepare('SELECT * FROM admin_tokens').all());
    db.close();
    expect(stored).not.toContain(token);
    expect(run(path, 'create', '--label', 'Ana (CX)')).toMatchObject({ code: 1, err: expect.stringMatching(/already labelled "Ana \(CX\)"/) });
    expect(run(path, 'create', '--label', 'Bo (CX)').code).toBe(0);
    expect(run(path, 'list').out).toMatch(/^ {3}1 {2}live .* Ana \(CX\)\n {3}2 {2}live .* Bo \(CX\)$/);
    expect(run(path, 'revoke', 'Ana (CX)')).toMatchObject({ code: 0, out: 'Revoked admin token 1 ("Ana (CX)"); it and its dashboard sessions no longer work.' });
    expect(run(path, 'revoke', '2').code).toBe(0);
    expect(run(path, 'revoke', '2')).toMatchObject({ code: 1, err: 'No live token has the id or label "2"; see "tokens list".' });
    expect(run(path, 'list').out).toMatch(/revoked 2026-11-23T10:00:00.000Z .* Ana \(CX\)/);
  });

  it('says how to use it when the command or label is missing', () => {
    const path = join(folder, 'usage.db');
    expect(run(path, 'create')).toMatchObject({ code: 2, err: expect.stringMatching(/--label/) });
    expect(run(path, 'create', '--label', 'x'.repeat(61)).code).toBe(2);
    expect(run(path)).toMatchObject({ code: 2, err: expect.stringMatching(/^Usage/) });
  });

  it('works on a running server’s database: a new token is accepted, a revoked one refused at once', async () => {
    const databasePath = join(folder, 'live.db');
    const server = await startServer({ databasePath });
    try {
      const created = runScript(databasePath, 'create', '--label', 'Ana (CX)');
      expect(created.code).toBe(0);
      const token = /\n {2}(cc_admin_[A-Za-z0-9_-]{43})\n/.exec(created.out)![1]!;
      const stories = () => fetch(`${server.url}/api/v1/admin/stories`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await stories()).status).toBe(200);
      expect(runScript(databasePath, 'revoke', 'Ana (CX)').code).toBe(0);
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
