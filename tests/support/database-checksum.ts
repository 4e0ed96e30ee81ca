import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * A checksum of every row of every table (migrations included), so a test
 * can show that a refused request changed nothing at all. Rows are sorted,
 * so the physical order SQLite returns them in does not matter.
 */
export function databaseChecksum(db: Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    const rows = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) =>
      JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))),
    );
    rows.sort();
    hash.update(`${table}\u0000${rows.length}\u0000${rows.join('\n')}\u0001`);
  }
  return hash.digest('hex');
}
