import { SqliteDatabase as Database } from '../../../../server/src/storage/sqlite/sqlite-driver';
import { describe, expect, it } from 'vitest';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../../../shared/src/domain/set-day-bit';
import { loadMigrations, migrate } from '../../../../server/src/storage/sqlite/migrate';

/** A year's activity bits with these days set. */
function bits(...days: string[]): Buffer {
  const out = new Uint8Array(DAY_BITS_BYTES);
  for (const day of days) setDayBit(out, dayOfYear(day));
  return Buffer.from(out);
}

describe('migration 005: installs and the day each was first seen', () => {
  it('backfills every install with the earliest day of its events or of its activity bits', () => {
    const db = new Database(':memory:');
    const migrations = loadMigrations();
    migrate(db, migrations.filter((m) => m.version < 5));
    const event = db.prepare(
      `INSERT INTO events (id, install_id, type, department, role, surface, at, day, action_id, received_at)
       VALUES (?, ?, 'action_taken', 'sales', 'sales', 'newtab', ?, ?, 'x', ?)`,
    );
    const activity = db.prepare('INSERT INTO install_activity (year, install_id, department, role, days) VALUES (?, ?, ?, ?, ?)');
    let n = 0;
    const addEvent = (install: string, day: string) => event.run(`e${n++}`, install, `${day}T09:00:00.000Z`, day, `${day}T09:00:01.000Z`);

    // Raw events and their bits.
    addEvent('a', '2026-11-20');
    addEvent('a', '2026-11-10');
    activity.run(2026, 'a', 'sales', 'sales', bits('2026-11-10', '2026-11-20'));
    // Events pruned long ago: only the bits remain, over two years and two departments; the earliest year wins.
    activity.run(2026, 'b', 'sales', 'sales', bits('2026-01-02'));
    activity.run(2025, 'b', 'sales', 'sales', bits('2025-06-01', '2025-09-30'));
    activity.run(2025, 'b', 'legal', 'legal', bits('2025-03-07', '2025-12-31'));
    // The edges of a byte and of the year: day 0, bit 7 of a byte, a high nibble, day 365 of a leap year.
    activity.run(2024, 'c', 'sales', 'sales', bits('2024-01-01', '2024-05-05'));
    activity.run(2024, 'd', 'sales', 'sales', bits('2024-01-08', '2024-01-09'));
    activity.run(2024, 'e', 'sales', 'sales', bits('2024-01-13'));
    activity.run(2024, 'f', 'sales', 'sales', bits('2024-12-31'));
    // An event older than the install's bits (they cannot disagree in practice; the earliest wins).
    addEvent('g', '2026-02-01');
    activity.run(2026, 'g', 'sales', 'sales', bits('2026-02-03'));
    // Nothing set: no day to take.
    activity.run(2026, 'h', 'sales', 'sales', bits());

    // Later migrations may need the functions openDatabase registers; 005 needs none.
    expect(migrate(db, migrations.filter((m) => m.version === 5))).toEqual([5]);
    expect(db.prepare('SELECT install_id, first_seen_day FROM installs ORDER BY install_id').all()).toEqual([
      { install_id: 'a', first_seen_day: '2026-11-10' },
      { install_id: 'b', first_seen_day: '2025-03-07' },
      { install_id: 'c', first_seen_day: '2024-01-01' },
      { install_id: 'd', first_seen_day: '2024-01-08' },
      { install_id: 'e', first_seen_day: '2024-01-13' },
      { install_id: 'f', first_seen_day: '2024-12-31' },
      { install_id: 'g', first_seen_day: '2026-02-01' },
    ]);
  });

  it('backfills nothing on an empty database', () => {
    const db = new Database(':memory:');
    migrate(db, loadMigrations().filter((m) => m.version <= 5));
    expect(db.prepare('SELECT COUNT(*) AS n FROM installs').get()).toEqual({ n: 0 });
  });
});
