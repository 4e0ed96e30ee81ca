import type { RoleRecord } from '@customer-chair/shared/schemas/role-record';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** Every role with its actions in order (`role` narrows to one). */
export function listRoleRecords(db: Database, role?: string): RoleRecord[] {
  const roles = statement(db, 'SELECT id, name, revision FROM roles WHERE @role IS NULL OR id = @role ORDER BY position, id').all({
    role: role ?? null,
  }) as Omit<RoleRecord, 'actions'>[];
  const actions = statement(
    db,
    'SELECT id, role, text FROM role_actions WHERE @role IS NULL OR role = @role ORDER BY position, id',
  ).all({ role: role ?? null }) as { id: string; role: string; text: string }[];
  return roles.map((r) => ({ ...r, actions: actions.filter((a) => a.role === r.id).map(({ id, text }) => ({ id, text })) }));
}
