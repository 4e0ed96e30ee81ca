import type { RoleAction } from '@customer-chair/shared/schemas/role-action';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { insertRows } from './insert-rows';

/** A role's actions become exactly `actions`, in that order (call it in a transaction). */
export async function replaceRoleActions(q: Queries, role: string, actions: Omit<RoleAction, 'role'>[]): Promise<void> {
  await q.run(sql`DELETE FROM role_actions WHERE role = ${role}`);
  await insertRows(q, 'role_actions', ['id', 'role', 'text', 'position'], actions.map((a, position) => [a.id, role, a.text, position]));
}
