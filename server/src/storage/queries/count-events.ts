import { sql } from '../sql';
import type { Queries } from '../storage';

/** How many raw events are stored. */
export async function countEvents(q: Queries): Promise<number> {
  return (await q.one<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`))!.n;
}
