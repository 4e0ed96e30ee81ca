import type { Database } from 'better-sqlite3';
import { statement } from '../db/statement';

export type ContentVersion = { version: number; updatedAt: string };

/**
 * The current version, remembered between changes: it is read on every
 * content request (every extension's sync), and `bumpContentVersion`, the
 * only writer, forgets it. Nothing read inside a transaction is remembered
 * (the transaction could still roll back).
 */
const known = new WeakMap<Database, ContentVersion>();

/** The current content version; a cheap read done on every content request. */
export function getContentVersion(db: Database): ContentVersion | undefined {
  const remembered = known.get(db);
  if (remembered) return remembered;
  const current = statement(db, 'SELECT version, updated_at AS updatedAt FROM content_meta WHERE id = 1').get() as ContentVersion | undefined;
  if (current && !db.inTransaction) known.set(db, current);
  return current;
}

/** Called by every change of the version: the next read asks the database. */
export function forgetContentVersion(db: Database): void {
  known.delete(db);
}
