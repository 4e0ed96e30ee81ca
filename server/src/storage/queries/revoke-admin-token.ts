import { sql } from '../sql';
import type { Queries } from '../storage';

/** Revokes a live token and ends its dashboard sessions; false when it was not live. */
export async function revokeAdminToken(q: Queries, id: number, now: Date): Promise<boolean> {
  return q.transaction(async (tx) => {
    const changes = await tx.run(sql`UPDATE admin_tokens SET revoked_at = ${now.toISOString()} WHERE id = ${id} AND revoked_at IS NULL`);
    await tx.run(sql`DELETE FROM sessions WHERE admin_token_id = ${id}`);
    return changes === 1;
  });
}
