import type { PromptRecord } from '@customer-chair/shared/schemas/prompt-record';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

export function findPromptRecord(db: Database, id: string): PromptRecord | undefined {
  return statement(db, 'SELECT id, text, place AS "where", revision FROM prompts WHERE id = ?').get(id) as PromptRecord | undefined;
}
