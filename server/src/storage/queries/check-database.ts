import { sql } from '../sql';
import type { Queries } from '../storage';

/** Runs a real read of a table; throws when the database is closed, unreachable or its file cannot be read. */
export async function checkDatabase(q: Queries): Promise<void> {
  await q.one(sql`SELECT COUNT(*) AS n FROM content_meta`);
}
