import type { Database } from 'better-sqlite3';
import { sql } from '../sql';
import type { Queries, SqliteQueries } from '../storage';
import { statement } from '../sqlite/statement';

export type ContentVersion = { version: number; updatedAt: string };

/**
 * How long a remembered version is trusted without asking SQLite whether
 * another connection committed. Asking (`PRAGMA data_version`) costs about
 * 3 µs, a tenth of the whole answer to an unchanged sync; at thousands of
 * syncs a second, once a millisecond is enough.
 */
const RECHECK_AFTER_MS = 1;

/**
 * On SQLite, the current version is remembered between changes: it is read
 * on every content request (every extension's sync). `bumpContentVersion`
 * forgets it for this connection's changes at once; SQLite's
 * `data_version`, which moves when another connection (another process, a
 * tool) commits, forgets it for theirs within a millisecond. Nothing read
 * inside a transaction is remembered (it could still roll back).
 */
const known = new WeakMap<Database, { dataVersion: number; checkedAt: number; content: ContentVersion }>();

function rememberedOnSqlite(db: Database): ContentVersion | undefined {
  const remembered = known.get(db);
  const now = performance.now();
  if (remembered && now - remembered.checkedAt < RECHECK_AFTER_MS) return remembered.content;
  const dataVersion = statement(db, 'PRAGMA data_version').pluck().get() as number;
  if (remembered?.dataVersion === dataVersion) {
    remembered.checkedAt = now;
    return remembered.content;
  }
  const content = statement(db, 'SELECT version, updated_at AS "updatedAt" FROM content_meta WHERE id = 1').get() as ContentVersion | undefined;
  if (content && !db.inTransaction) known.set(db, { dataVersion, checkedAt: now, content });
  return content;
}

/**
 * The current content version; a cheap read done on every content request.
 *
 * SQLite: from memory, checked against `PRAGMA data_version` (above) — the
 * fast path of the unchanged sync. PostgreSQL: read from `content_meta` each
 * time, because another instance may have changed the content a moment ago
 * and nothing in this process would know: every instance then answers the
 * same version and ETag at once, with no staleness at all. The read is one
 * row by primary key: about 40 µs on loopback (an unchanged sync through the
 * app about 55 µs, against 13 µs on SQLite), some 24,000 a second on a pool
 * of four, far above any company's sync rate, so no cache is kept.
 */
export async function getContentVersion(q: Queries): Promise<ContentVersion | undefined> {
  if (q.engine === 'sqlite') return (q as SqliteQueries).sync(rememberedOnSqlite);
  return q.one<ContentVersion>(sql`SELECT version, updated_at AS "updatedAt" FROM content_meta WHERE id = 1`);
}

/** Called by every change of the version: the next read asks the database (PostgreSQL remembers nothing). */
export async function forgetContentVersion(q: Queries): Promise<void> {
  if (q.engine === 'sqlite') await (q as SqliteQueries).sync((db) => known.delete(db));
}
