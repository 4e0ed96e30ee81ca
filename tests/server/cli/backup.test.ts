import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupCommand } from '../../../server/src/cli/backup';
import { openTestStorage, testEngine } from '../../support/test-storage';

const folder = mkdtempSync(join(tmpdir(), 'cc-backup-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(...args: string[]) {
  const storage = await openTestStorage({ databasePath: join(folder, `source-${Math.random()}.db`) });
  const out: string[] = [];
  const err: string[] = [];
  const code = await backupCommand(args, { storage, cwd: folder, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe(`backup command (${testEngine()})`, () => {
  it.runIf(testEngine() === 'sqlite')('copies the SQLite database into a new file and says what it holds', async () => {
    const result = await run('copy.db');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Backed up the database to .*copy\.db \([\d.]+ MB: 0 raw events, 0 stories, 0 prompts, 0 roles, 0 departments\)/);
    expect(existsSync(join(folder, 'copy.db'))).toBe(true);
    expect((await run('copy.db')).err).toMatch(/already exists/);
  });

  it.runIf(testEngine() === 'postgres')('on PostgreSQL, writes nothing and points to pg_dump', async () => {
    const result = await run('copy.db');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/DATABASE_URL is set: the database is PostgreSQL/);
    expect(result.err).toMatch(/pg_dump --format=custom/);
    expect(existsSync(join(folder, 'copy.db'))).toBe(false);
  });

  it('explains its usage when the file is missing', async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.err).toMatch(testEngine() === 'postgres' ? /pg_dump/ : /Usage/);
  });
});
