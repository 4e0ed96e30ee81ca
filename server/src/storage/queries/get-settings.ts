import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** The settings a CX lead set in the dashboard (a NULL time zone: the server's TIMEZONE applies). */
export function getSettings(db: Database): { timezone: string | null; revision: number } {
  return statement(db, 'SELECT timezone, revision FROM settings WHERE id = 1').get() as { timezone: string | null; revision: number };
}
