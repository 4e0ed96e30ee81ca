import type { StoryRecord } from '@customer-chair/shared/schemas/story-record';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';
import { toStoryRecord } from './list-story-records';

export function findStoryRecord(db: Database, id: string): StoryRecord | undefined {
  const row = statement(db, 'SELECT * FROM stories WHERE id = ?').get(id) as Parameters<typeof toStoryRecord>[0] | undefined;
  return row && toStoryRecord(row);
}
