import type { PromptRecord } from '@customer-chair/shared/schemas/prompt-record';
import { sql } from '../sql';
import type { Queries } from '../storage';

export async function findPromptRecord(q: Queries, id: string): Promise<PromptRecord | undefined> {
  return q.one<PromptRecord>(sql`SELECT id, text, place AS "where", revision FROM prompts WHERE id = ${id}`);
}
