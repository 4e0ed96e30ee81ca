import { sql } from '../sql';
import type { Queries } from '../storage';

/** Stores a token's hash under a label; storing the same hash again is a no-op. */
export async function insertAdminToken(q: Queries, label: string, tokenHash: string, now: Date): Promise<void> {
  await q.run(
    sql`INSERT INTO admin_tokens (label, token_hash, created_at) VALUES (${label}, ${tokenHash}, ${now.toISOString()})
        ON CONFLICT (token_hash) DO NOTHING`,
  );
}
