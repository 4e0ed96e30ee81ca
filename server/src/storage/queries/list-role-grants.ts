import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** The roles an admin granted this person in the dashboard (on top of their groups'). */
export async function listRoleGrants(q: Queries, personId: number): Promise<AdminRole[]> {
  const rows = await q.all<{ role: AdminRole }>(sql`SELECT role FROM role_grants WHERE person_id = ${personId} ORDER BY role`);
  return rows.map((row) => row.role);
}
