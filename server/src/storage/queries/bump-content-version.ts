import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';
import { forgetContentVersion } from './get-content-version';

/** Every content change calls this inside its transaction, so extensions see a new ETag. */
export function bumpContentVersion(db: Database, now: Date): number {
  forgetContentVersion(db);
  const row = statement(db, 
      `INSERT INTO content_meta (id, version, updated_at) VALUES (1, 1, ?)
       ON CONFLICT (id) DO UPDATE SET version = version + 1, updated_at = excluded.updated_at
       RETURNING version`,
    )
    .get(now.toISOString()) as { version: number };
  return row.version;
}
