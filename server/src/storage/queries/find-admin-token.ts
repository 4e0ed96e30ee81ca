import { sql } from '../sql';
import type { Queries } from '../storage';

export type AdminToken = { id: number; label: string };

/** The live (not revoked) admin token with this hash. */
export async function findAdminToken(q: Queries, tokenHash: string): Promise<AdminToken | undefined> {
  return q.one<AdminToken>(sql`SELECT id, label FROM admin_tokens WHERE token_hash = ${tokenHash} AND revoked_at IS NULL`);
}
