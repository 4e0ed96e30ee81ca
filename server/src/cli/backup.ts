import type { Database } from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { countContentAndEvents } from '../storage/queries/count-content-and-events';

export type BackupIo = { db: Database; cwd: string; out: (line: string) => void; err: (line: string) => void };

const USAGE = `Usage (from the repository root):
  pnpm --filter @customer-chair/server backup <file>
Copies the server's database (DATABASE_PATH, as for "pnpm start") into <file>, online: the server may be running.
A relative <file> is taken from the folder you run the command in. An existing file is never overwritten.`;

/**
 * `backup <file>`: an online copy with SQLite's backup API — a consistent
 * snapshot even while the server writes (WAL lets it go on meanwhile). The
 * copy is written under a temporary name, checked, then renamed, so a file
 * with the backup's name is always a whole, readable database.
 */
export async function backupCommand(args: string[], { db, cwd, out, err }: BackupIo): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    err(USAGE);
    return 2;
  }
  const target = resolve(cwd, args[0]!);
  if (existsSync(target)) {
    err(`${target} already exists; pick a new file name (backups are never overwritten).`);
    return 1;
  }
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const started = Date.now();
  try {
    // All pages in one step: a step interrupted by the server's writes would start over, possibly for ever under load.
    await db.backup(partial, { progress: () => 0x7fffffff });
    const copy = new BetterSqlite3(partial, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed its integrity check (${String(check)})`);
      const n = countContentAndEvents(copy);
      const summary = `${n.events} raw events, ${n.stories} stories, ${n.prompts} prompts, ${n.roles} roles, ${n.departments} departments`;
      copy.close();
      renameSync(partial, target);
      const mb = (statSync(target).size / 1024 / 1024).toFixed(1);
      out(`Backed up the database to ${target} (${mb} MB: ${summary}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    } finally {
      if (copy.open) copy.close();
    }
  } catch (error) {
    rmSync(partial, { force: true });
    err(`The backup failed, nothing was written to ${target}: ${(error as Error).message}`);
    return 1;
  }
}
