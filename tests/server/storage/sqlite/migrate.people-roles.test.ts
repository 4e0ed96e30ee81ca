import { SqliteDatabase as Database } from '../../../../server/src/storage/sqlite/sqlite-driver';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../../server/src/storage/sqlite/migrate';

describe('migration 012: scorecards of a token or a person, people’s group role and set department', () => {
  it('rebuilds recognition_scores keeping every scorecard, one per entry and judge of either kind', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    // Earlier migrations call the functions openDatabase registers; on empty tables, stand-ins do.
    db.function('bits_or', (a: unknown, _b: unknown) => a);
    db.aggregate('day_bits', { start: () => Buffer.alloc(0), step: (bits: Buffer, _day: unknown) => bits, result: (bits: Buffer) => bits });
    const migrations = loadMigrations();
    migrate(db, migrations.filter((m) => m.version < 12));
    db.prepare("INSERT INTO admin_tokens (id, label, token_hash, created_at, role) VALUES (1, 'Jo', 'h1', '2026-11-01T00:00:00.000Z', 'judge')").run();
    db.prepare("INSERT INTO recognition_rounds (id, name, submission_opens, submission_closes, judging_ends, announce_on, categories, entry_salt, position) VALUES ('r', 'R', '2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '[]', 's', 1)").run();
    db.prepare("INSERT INTO recognition_entries (id, round_id, category_id, team_name, department, customer, before_text, after_text, method, receipt_hash, install_hash, submitted_at) VALUES ('e1', 'r', 'c', 'T', 'sales', 'x', 'x', 'x', 'x', 'r', 'i', 'x')").run();
    db.prepare("INSERT INTO recognition_scores (entry_id, admin_token_id, scores, feedback, panel_note, updated_at) VALUES ('e1', 1, '[]', 'Well done', 'note', '2026-11-03T10:00:00.000Z')").run();

    expect(migrate(db, migrations.filter((m) => m.version === 12))).toEqual([12]);
    expect(db.prepare('SELECT entry_id, admin_token_id, person_id, scores, feedback, panel_note, updated_at FROM recognition_scores').all()).toEqual([
      { entry_id: 'e1', admin_token_id: 1, person_id: null, scores: '[]', feedback: 'Well done', panel_note: 'note', updated_at: '2026-11-03T10:00:00.000Z' },
    ]);
    db.prepare("INSERT INTO people (id, issuer, subject, first_sign_in_at, last_sign_in_at, group_role) VALUES (1, 'https://idp', 'pat', 'x', 'x', 'judge')").run();
    const card = db.prepare("INSERT INTO recognition_scores (entry_id, admin_token_id, person_id, scores, updated_at) VALUES ('e1', ?, ?, '[]', 'x')");
    expect(() => card.run(null, 1)).not.toThrow();
    // One card per entry and judge; a card has exactly one judge.
    expect(() => card.run(null, 1)).toThrow(/UNIQUE/);
    expect(() => card.run(1, null)).toThrow(/UNIQUE/);
    expect(() => card.run(1, 1)).toThrow(/CHECK/);
    expect(() => card.run(null, null)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE people SET group_role = 'owner'").run()).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
