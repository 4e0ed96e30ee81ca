import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';

export type ContentVersion = { version: number; updatedAt: string };

/**
 * The current version, remembered between changes: it is read on every
 * content request (every extension's sync). `bumpContentVersion` forgets it
 * for this connection's changes; SQLite's `data_version`, which moves when
 * another connection (another process, a tool) commits, forgets it for
 * theirs. Nothing read inside a transaction is remembered (it could still
 * roll back).
 */
const known = new WeakMap<Database, { dataVersion: number; content: ContentVersion }>();

/** The current content version; a cheap read done on every content request. */
export function getContentVersion(db: Database): ContentVersion | undefined {
  const dataVersion = statement(db, 'PRAGMA data_version').pluck().get() as number;
  const remembered = known.get(db);
  if (remembered?.dataVersion === dataVersion) return remembered.content;
  const content = statement(db, 'SELECT version, updated_at AS updatedAt FROM content_meta WHERE id = 1').get() as ContentVersion | undefined;
  if (content && !db.inTransaction) known.set(db, { dataVersion, content });
  return content;
}

/** Called by every change of the version: the next read asks the database. */
export function forgetContentVersion(db: Database): void {
  known.delete(db);
}
