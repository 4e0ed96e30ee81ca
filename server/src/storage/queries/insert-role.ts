import type { Role } from '@customer-chair/shared/schemas/role';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

export function insertRole(db: Database, role: Role): void {
  statement(db, 'INSERT INTO roles (id, name, position) VALUES (?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM roles))').run(
    role.id,
    role.name,
  );
}
