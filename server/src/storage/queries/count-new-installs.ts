import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** How many installs were first seen on each day from `from` to `to` (company-local days). */
export function countNewInstalls(db: Database, from: string, to: string): { day: string; count: number }[] {
  return statement(
    db,
    `SELECT first_seen_day AS day, COUNT(*) AS count FROM installs
     WHERE first_seen_day BETWEEN ? AND ? GROUP BY first_seen_day ORDER BY first_seen_day`,
  ).all(from, to) as { day: string; count: number }[];
}
