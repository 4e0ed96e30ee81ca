import type { Role } from '@customer-chair/shared/schemas/role';
import { sql } from '../sql';
import type { Queries } from '../storage';

export async function insertRole(q: Queries, role: Role): Promise<void> {
  await q.run(sql`INSERT INTO roles (id, name, position) VALUES (${role.id}, ${role.name}, (SELECT COALESCE(MAX(position), -1) + 1 FROM roles))`);
}
