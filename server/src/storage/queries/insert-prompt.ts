import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import { sql } from '../sql';
import type { Queries } from '../storage';

export async function insertPrompt(q: Queries, prompt: Prompt): Promise<void> {
  await q.run(
    sql`INSERT INTO prompts (id, text, place, position)
        VALUES (${prompt.id}, ${prompt.text}, ${prompt.where}, (SELECT COALESCE(MAX(position), -1) + 1 FROM prompts))`,
  );
}
