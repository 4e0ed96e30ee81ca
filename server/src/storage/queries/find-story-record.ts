import type { StoryRecord } from '@customer-chair/shared/schemas/story-record';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { toStoryRecord } from './list-story-records';

export async function findStoryRecord(q: Queries, id: string): Promise<StoryRecord | undefined> {
  const row = await q.one<Parameters<typeof toStoryRecord>[0]>(sql`SELECT * FROM stories WHERE id = ${id}`);
  return row && toStoryRecord(row);
}
