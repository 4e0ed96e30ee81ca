import { sql } from '../sql';
import type { Queries } from '../storage';

/** How many admin tokens can still sign in. */
export async function countAdminTokens(q: Queries): Promise<number> {
  return (await q.one<{ n: number }>(sql`SELECT COUNT(*) AS n FROM admin_tokens WHERE revoked_at IS NULL`))!.n;
}
