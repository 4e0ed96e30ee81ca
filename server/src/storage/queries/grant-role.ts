import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Gives the person `role` on top of their groups'; answers false when they had this grant already. */
export async function grantRole(q: Queries, personId: number, role: AdminRole, grantedBy: string, now: Date): Promise<boolean> {
  const made = await q.run(
    sql`INSERT INTO role_grants (person_id, role, granted_by, granted_at) VALUES (${personId}, ${role}, ${grantedBy}, ${now.toISOString()})
        ON CONFLICT (person_id, role) DO NOTHING`,
  );
  return made > 0;
}
