import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '@customer-chair/shared/domain/set-day-bit';
import { migrate } from './migrate';
import { SqliteDatabase } from './sqlite-driver';

/**
 * Opens (creating its folder if needed) and migrates the database.
 * WAL lets the dashboard read while events are written; `synchronous=NORMAL`
 * is durable across process crashes in WAL mode, which is what we promise.
 */
export function openDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new SqliteDatabase(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Merges two activity bitmaps (install_activity.days); deterministic, so SQLite may cache it.
  db.function('bits_or', { deterministic: true }, (a: unknown, b: unknown) => {
    const left = a as Buffer;
    const right = b as Buffer;
    const out = Buffer.alloc(Math.max(left.length, right.length));
    for (let i = 0; i < out.length; i++) out[i] = (left[i] ?? 0) | (right[i] ?? 0);
    return out;
  });
  // The day bits of a group of rows' days (YYYY-MM-DD, one year): how migrations build activity rows from events.
  db.aggregate('day_bits', {
    start: () => new Uint8Array(DAY_BITS_BYTES),
    step: (bits: Uint8Array, day: unknown) => setDayBit(bits, dayOfYear(String(day))),
    result: (bits: Uint8Array) => Buffer.from(bits),
  });
  migrate(db);
  return db;
}
