import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';

export type ContentVersion = { version: number; updatedAt: string };

/** The current content version; a cheap read done on every content request. */
export function getContentVersion(db: Database): ContentVersion | undefined {
  return statement(db, 'SELECT version, updated_at AS updatedAt FROM content_meta WHERE id = 1').get() as
    | ContentVersion
    | undefined;
}
