import type { StoryRecord } from '@customer-chair/shared/schemas/story-record';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { readStoryRow, type StoryRow } from './read-story-row';

type RecordRow = StoryRow & { revision: number; created_at: string; updated_at: string };

export function toStoryRecord(row: RecordRow): StoryRecord {
  return { ...readStoryRow(row), revision: row.revision, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Every story with its revision, most recently changed first. */
export async function listStoryRecords(q: Queries): Promise<StoryRecord[]> {
  return (await q.all<RecordRow>(sql`SELECT * FROM stories ORDER BY updated_at DESC, position DESC, id`)).map(toStoryRecord);
}
