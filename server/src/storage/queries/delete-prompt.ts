import { sql } from '../sql';
import type { Queries } from '../storage';

export async function deletePrompt(q: Queries, id: string): Promise<void> {
  await q.run(sql`DELETE FROM prompts WHERE id = ${id}`);
}
