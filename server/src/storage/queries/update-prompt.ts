import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import { sql } from '../sql';
import type { Queries } from '../storage';

export async function updatePrompt(q: Queries, prompt: Prompt): Promise<void> {
  await q.run(sql`UPDATE prompts SET text = ${prompt.text}, place = ${prompt.where}, revision = revision + 1 WHERE id = ${prompt.id}`);
}
