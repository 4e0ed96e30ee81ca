import type { RoleAction } from '@customer-chair/shared/schemas/role-action';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

/** A role's actions become exactly `actions`, in that order. */
export function replaceRoleActions(db: Database, role: string, actions: Omit<RoleAction, 'role'>[]): void {
  statement(db, 'DELETE FROM role_actions WHERE role = ?').run(role);
  const insert = statement(db, 'INSERT INTO role_actions (id, role, text, position) VALUES (?, ?, ?, ?)');
  actions.forEach((a, position) => insert.run(a.id, role, a.text, position));
}
