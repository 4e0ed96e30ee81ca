import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';

export type InstallActivitySource = {
  /** A FROM clause whose rows have department, role and install_id… */
  table: string;
  /** …and the WHERE clause that keeps the installs active in the range (params @from, @to). */
  where: string;
};

/**
 * Where to count distinct active installs for a range. When the range
 * reaches the newest activity (the dashboard's "last N days"), an install
 * was active in it exactly when it was last seen on or after `from`: one
 * row per install instead of one per install per day. Older ranges scan
 * the per-day table.
 */
export function installActivitySource(db: Database, range: { from: string; to: string }): InstallActivitySource {
  const { latest } = statement(db, 'SELECT MAX(last_day) AS latest FROM install_last_seen').get() as { latest: string | null };
  if (latest === null || range.to >= latest) return { table: 'install_last_seen', where: 'last_day >= @from' };
  return { table: 'install_days', where: 'day BETWEEN @from AND @to' };
}
