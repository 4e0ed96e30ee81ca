import { sql } from '../sql';
import type { Queries } from '../storage';

/** Whether the server has stored an event of this install (lower-case id) before. */
export async function isKnownInstall(q: Queries, installId: string): Promise<boolean> {
  return (await q.one(sql`SELECT 1 AS known FROM installs WHERE install_id = ${installId}`)) !== undefined;
}
