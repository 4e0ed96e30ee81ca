import type { RoleRecord } from '@customer-chair/shared/schemas/role-record';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** Every role with its actions in order (`role` narrows to one). */
export async function listRoleRecords(q: Queries, role?: string): Promise<RoleRecord[]> {
  const roles = await q.all<Omit<RoleRecord, 'actions'>>(
    sql`SELECT id, name, revision FROM roles ${role === undefined ? sql`` : sql`WHERE id = ${role}`} ORDER BY position, id`,
  );
  const actions = await q.all<{ id: string; role: string; text: string }>(
    sql`SELECT id, role, text FROM role_actions ${role === undefined ? sql`` : sql`WHERE role = ${role}`} ORDER BY position, id`,
  );
  return roles.map((r) => ({ ...r, actions: actions.filter((a) => a.role === r.id).map(({ id, text }) => ({ id, text })) }));
}
