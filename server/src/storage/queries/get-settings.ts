import { sql } from '../sql';
import type { Queries } from '../storage';

/** The settings a CX lead set in the dashboard (a NULL time zone: the server's TIMEZONE applies). */
export async function getSettings(q: Queries): Promise<{ timezone: string | null; revision: number }> {
  return (await q.one<{ timezone: string | null; revision: number }>(sql`SELECT timezone, revision FROM settings WHERE id = 1`))!;
}
