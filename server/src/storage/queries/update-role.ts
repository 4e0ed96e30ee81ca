import { sql } from '../sql';
import type { Queries } from '../storage';

/** Renames a role (`name`) or only records that its actions changed (no name): either way a new revision. */
export async function updateRole(q: Queries, id: string, name?: string): Promise<void> {
  const rename = name === undefined ? sql`` : sql`name = ${name}, `;
  await q.run(sql`UPDATE roles SET ${rename}revision = revision + 1 WHERE id = ${id}`);
}
