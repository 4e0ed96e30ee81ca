import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupSqlite } from '../storage/sqlite/backup-sqlite';
import type { Storage } from '../storage/storage';

export type BackupIo = { storage: Storage; cwd: string; out: (line: string) => void; err: (line: string) => void };

const USAGE = `Usage (from the repository root):
  pnpm --filter @customer-chair/server backup <file>
Copies the server's database (DATABASE_PATH, as for "pnpm start") into <file>, online: the server may be running.
A relative <file> is taken from the folder you run the command in. An existing file is never overwritten.`;

const ON_POSTGRES = `DATABASE_URL is set: the database is PostgreSQL, and this command copies only a SQLite file.
Back PostgreSQL up with its own tools, for example:
  pg_dump --format=custom --file=customer-chair-$(date +%F).dump "$DATABASE_URL"
(restore with pg_restore into an empty database), or with your provider's snapshots and point-in-time recovery.`;

/**
 * `backup <file>`: an online copy of the SQLite file (backupSqlite). The
 * copy is written under a temporary name, checked, then renamed, so a file
 * with the backup's name is always a whole, readable database. On
 * PostgreSQL it points to pg_dump instead.
 */
export async function backupCommand(args: string[], { storage, cwd, out, err }: BackupIo): Promise<number> {
  if (storage.engine === 'postgres') {
    err(ON_POSTGRES);
    return 2;
  }
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
    const n = await backupSqlite(storage, partial);
    const summary = `${n.events} raw events, ${n.stories} stories, ${n.prompts} prompts, ${n.roles} roles, ${n.departments} departments`;
    renameSync(partial, target);
    const mb = (statSync(target).size / 1024 / 1024).toFixed(1);
    out(`Backed up the database to ${target} (${mb} MB: ${summary}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    rmSync(partial, { force: true });
    err(`The backup failed, nothing was written to ${target}: ${(error as Error).message}`);
    return 1;
  }
}
