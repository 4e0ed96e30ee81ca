import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase as Database } from '../../../../server/src/storage/sqlite/sqlite-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../../server/src/storage/sqlite/migrate';
import { openDatabase } from '../../../../server/src/storage/sqlite/open-database';

const folder = mkdtempSync(join(tmpdir(), 'cc-migrate-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('migrations', () => {
  it('are numbered from 001 without gaps', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('apply once, in WAL mode, and a second open applies nothing', () => {
    const path = join(folder, 'cc.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    db.close();
    const again = new Database(path);
    expect(migrate(again)).toEqual([]);
    again.close();
  });

  it('leave the database as it was when one fails', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: '001-ok.sql', sql: 'CREATE TABLE a (x);' },
      { version: 2, name: '002-broken.sql', sql: 'CREATE TABLE b (y); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });
});
