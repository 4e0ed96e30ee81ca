import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

export function insertPrompt(db: Database, prompt: Prompt): void {
  statement(
    db,
    'INSERT INTO prompts (id, text, place, position) VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM prompts))',
  ).run(prompt.id, prompt.text, prompt.where);
}
