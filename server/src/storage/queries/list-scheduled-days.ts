import { sql } from '../sql';
import type { Queries } from '../storage';

/** The days from `from` on that a story is scheduled on. */
export async function listScheduledDays(q: Queries, from: string): Promise<string[]> {
  return (await q.all<{ day: string }>(sql`SELECT day FROM schedule WHERE day >= ${from} ORDER BY day`)).map((row) => row.day);
}
