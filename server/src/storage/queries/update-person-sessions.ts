import type { AdminRole } from '@customer-chair/shared/schemas/admin-role';
import { sql } from '../sql';
import type { Queries } from '../storage';

/**
 * Applies a change of a person's access to their live sessions at once, on
 * every instance (sessions are read from the database on each request): the
 * new role and department, or, with no role left, the sessions end.
 */
export async function updatePersonSessions(q: Queries, personId: number, access: { role: AdminRole | null; department: string | null }): Promise<void> {
  if (access.role === null) {
    await q.run(sql`DELETE FROM sessions WHERE person_id = ${personId}`);
    return;
  }
  await q.run(sql`UPDATE sessions SET role = ${access.role}, department = ${access.department} WHERE person_id = ${personId}`);
}
