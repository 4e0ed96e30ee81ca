import { describe, expect, it } from 'vitest';
import { SQLITE_DRIVER, SqliteDatabase } from '../../../../server/src/storage/sqlite/sqlite-driver';

describe('the SQLite driver', () => {
  it('is better-sqlite3 13 where Node has Node-API 10 (22.14+, 24), else 12 (Node 20)', () => {
    const napi10 = Number(process.versions.napi) >= 10;
    expect(SQLITE_DRIVER).toBe(napi10 ? 'better-sqlite3 13.2.0' : 'better-sqlite3 12.11.1');
  });

  it('opens a database and runs what the server needs of it: pragmas, functions, aggregates, transactions', () => {
    const db = new SqliteDatabase(':memory:');
    try {
      db.pragma('foreign_keys = ON');
      db.function('twice', { deterministic: true }, (n: unknown) => Number(n) * 2);
      db.aggregate('joined', { start: '', step: (all: string, part: unknown) => all + String(part) });
      db.exec('CREATE TABLE t (n INTEGER)');
      const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
      db.transaction((values: number[]) => values.forEach((n) => insert.run(n)))([1, 2, 3]);
      expect(db.prepare('SELECT sum(twice(n)) AS s, joined(n) AS j FROM t').get()).toEqual({ s: 12, j: '123' });
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });
});
