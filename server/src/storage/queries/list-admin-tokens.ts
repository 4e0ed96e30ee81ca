import type { AdminTokenInfo } from '@customer-chair/shared/schemas/admin-token';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Every admin token ever made (live and revoked), oldest first, with its role; never the hashes. */
export async function listAdminTokens(q: Queries): Promise<AdminTokenInfo[]> {
  return q.all<AdminTokenInfo>(
    sql`SELECT id, label, role, department, created_at AS "createdAt", revoked_at AS "revokedAt" FROM admin_tokens ORDER BY id`,
  );
}
