import { sql } from '../sql';
import type { Queries } from '../storage';
import { forgetContentVersion } from './get-content-version';

/** Every content change calls this inside its transaction, so extensions see a new ETag. */
export async function bumpContentVersion(q: Queries, now: Date): Promise<number> {
  await forgetContentVersion(q);
  const row = await q.one<{ version: number }>(
    sql`INSERT INTO content_meta (id, version, updated_at) VALUES (1, 1, ${now.toISOString()})
        ON CONFLICT (id) DO UPDATE SET version = content_meta.version + 1, updated_at = excluded.updated_at
        RETURNING version`,
  );
  return row!.version;
}
