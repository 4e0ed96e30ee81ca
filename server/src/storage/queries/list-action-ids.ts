import { sql } from '../sql';
import type { Queries } from '../storage';

/** Every action id in use, of any role (ids are unique across roles). */
export async function listActionIds(q: Queries): Promise<Set<string>> {
  return new Set((await q.all<{ id: string }>(sql`SELECT id FROM role_actions`)).map((r) => r.id));
}
