import type { StoryRecord } from '@customer-chair/shared/schemas/story-record';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';
import { readStoryRow, type StoryRow } from './read-story-row';

type RecordRow = StoryRow & { revision: number; created_at: string; updated_at: string };

export function toStoryRecord(row: RecordRow): StoryRecord {
  return { ...readStoryRow(row), revision: row.revision, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Every story with its revision, most recently changed first. */
export function listStoryRecords(db: Database): StoryRecord[] {
  return (statement(db, 'SELECT * FROM stories ORDER BY updated_at DESC, position DESC, id').all() as RecordRow[]).map(toStoryRecord);
}
