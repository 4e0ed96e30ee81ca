import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Takes a granted role away (their groups' role stays); answers false when there was no such grant. */
export async function revokeRole(q: Queries, personId: number, role: AdminRole): Promise<boolean> {
  const gone = await q.run(sql`DELETE FROM role_grants WHERE person_id = ${personId} AND role = ${role}`);
  return gone > 0;
}
