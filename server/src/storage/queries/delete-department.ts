import { sql } from '../sql';
import type { Queries } from '../storage';

export async function deleteDepartment(q: Queries, id: string): Promise<void> {
  await q.run(sql`DELETE FROM departments WHERE id = ${id}`);
}
