import { sql } from '../sql';
import type { Queries } from '../storage';

/** How many installs were first seen on each day from `from` to `to` (company-local days). */
export async function countNewInstalls(q: Queries, from: string, to: string): Promise<{ day: string; count: number }[]> {
  return q.all<{ day: string; count: number }>(
    sql`SELECT first_seen_day AS day, COUNT(*) AS count FROM installs
        WHERE first_seen_day BETWEEN ${from} AND ${to} GROUP BY first_seen_day ORDER BY first_seen_day`,
  );
}
