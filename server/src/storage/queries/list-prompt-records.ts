import type { PromptRecord } from '@customer-chair/shared/schemas/prompt-record';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';

export function listPromptRecords(db: Database): PromptRecord[] {
  return statement(db, 'SELECT id, text, place AS "where", revision FROM prompts ORDER BY position, id').all() as PromptRecord[];
}
