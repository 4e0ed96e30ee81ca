import type { PromptRecord } from '@customer-chair/shared/schemas/prompt-record';
import { sql } from '../sql';
import type { Queries } from '../storage';

export async function listPromptRecords(q: Queries): Promise<PromptRecord[]> {
  return q.all<PromptRecord>(sql`SELECT id, text, place AS "where", revision FROM prompts ORDER BY position, id`);
}
