import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * Stores a token's hash under a label, as an admin unless `role` says
 * otherwise (a judge may be tied to `department`); storing the same hash
 * again is a no-op.
 */
export async function insertAdminToken(
  q: Queries,
  label: string,
  tokenHash: string,
  now: Date,
  { role = 'admin', department = null }: { role?: AdminRole; department?: string | null } = {},
): Promise<void> {
  await q.run(
    sql`INSERT INTO admin_tokens (label, token_hash, created_at, role, department)
        VALUES (${label}, ${tokenHash}, ${now.toISOString()}, ${role}, ${department})
        ON CONFLICT (token_hash) DO NOTHING`,
  );
}
