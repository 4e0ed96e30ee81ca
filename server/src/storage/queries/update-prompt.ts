import type { Prompt } from '@customer-chair/shared/schemas/prompt';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

export function updatePrompt(db: Database, prompt: Prompt): void {
  statement(db, 'UPDATE prompts SET text = ?, place = ?, revision = revision + 1 WHERE id = ?').run(prompt.text, prompt.where, prompt.id);
}
