import { sql } from '../sql';
import type { Queries } from '../storage';

/** Removes a role and its actions (call it in a transaction). */
export async function deleteRole(q: Queries, id: string): Promise<void> {
  await q.run(sql`DELETE FROM role_actions WHERE role = ${id}`);
  await q.run(sql`DELETE FROM roles WHERE id = ${id}`);
}
