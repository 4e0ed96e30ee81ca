import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** A dashboard credential: who (the label, for the audit log), what it may do, and a judge's own department. */
export type AdminToken = { id: number; label: string; role: AdminRole; department: string | null };

/** The live (not revoked) admin token with this hash. */
export async function findAdminToken(q: Queries, tokenHash: string): Promise<AdminToken | undefined> {
  return q.one<AdminToken>(sql`SELECT id, label, role, department FROM admin_tokens WHERE token_hash = ${tokenHash} AND revoked_at IS NULL`);
}
