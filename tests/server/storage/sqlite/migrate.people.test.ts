import { SqliteDatabase as Database } from '../../../../server/src/storage/sqlite/sqlite-driver';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../../server/src/storage/sqlite/migrate';

describe('migration 011: people, and sessions of a token or a person', () => {
  it('rebuilds sessions keeping every row, now with admin_token_id optional', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    // Earlier migrations call the functions openDatabase registers; on empty tables, stand-ins do.
    db.function('bits_or', (a: unknown, _b: unknown) => a);
    db.aggregate('day_bits', { start: () => Buffer.alloc(0), step: (bits: Buffer, _day: unknown) => bits, result: (bits: Buffer) => bits });
    const migrations = loadMigrations();
    migrate(db, migrations.filter((m) => m.version < 11));
    db.prepare("INSERT INTO admin_tokens (id, label, token_hash, created_at, role) VALUES (1, 'Ana', 'h1', '2026-11-01T00:00:00.000Z', 'admin'), (2, 'Jo', 'h2', '2026-11-01T00:00:00.000Z', 'judge')").run();
    const session = db.prepare('INSERT INTO sessions (id_hash, admin_token_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
    session.run('s1', 1, 'c1', '2026-11-23T10:00:00.000Z', '2026-11-23T22:00:00.000Z');
    session.run('s2', 2, 'c2', '2026-11-23T11:00:00.000Z', '2026-11-23T23:00:00.000Z');

    expect(migrate(db, migrations.filter((m) => m.version === 11))).toEqual([11]);
    expect(db.prepare('SELECT id_hash, admin_token_id, person_id, role, department, csrf_token, created_at, expires_at FROM sessions ORDER BY id_hash').all()).toEqual([
      { id_hash: 's1', admin_token_id: 1, person_id: null, role: null, department: null, csrf_token: 'c1', created_at: '2026-11-23T10:00:00.000Z', expires_at: '2026-11-23T22:00:00.000Z' },
      { id_hash: 's2', admin_token_id: 2, person_id: null, role: null, department: null, csrf_token: 'c2', created_at: '2026-11-23T11:00:00.000Z', expires_at: '2026-11-23T23:00:00.000Z' },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()).toEqual([
      { name: 'sessions_by_expiry' },
      { name: 'sessions_by_person' },
    ]);
    db.prepare("INSERT INTO people (id, issuer, subject, first_sign_in_at, last_sign_in_at) VALUES (1, 'https://idp', 'lena', 'x', 'x')").run();
    expect(() => session.run('s3', null, 'c3', 'x', 'y')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO sessions (id_hash, person_id, role, csrf_token, created_at, expires_at) VALUES ('s4', 1, 'admin', 'c', 'x', 'y')").run()).not.toThrow();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
