import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * Whether the database holds any usage: a raw event, or a roll-up of one
 * (raw events are pruned after RETENTION_DAYS, their roll-ups are kept), or
 * a thanks.
 */
export async function hasUsage(q: Queries): Promise<boolean> {
  const row = await q.one<{ found: number | boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM daily_counts) OR EXISTS (SELECT 1 FROM thanks) AS found`,
  );
  return Boolean(row?.found);
}
