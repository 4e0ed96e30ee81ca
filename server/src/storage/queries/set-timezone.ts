import { sql } from '../sql';
import type { Queries } from '../storage';

/** Sets the company's time zone (null: back to the server's TIMEZONE), as the settings' next revision. */
export async function setTimezone(q: Queries, timezone: string | null): Promise<void> {
  await q.run(sql`UPDATE settings SET timezone = ${timezone}, revision = revision + 1 WHERE id = 1`);
}
