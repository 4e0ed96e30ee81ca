import type { ContentExport } from '@customer-chair/shared/schemas/content-export';
import type { Database } from 'better-sqlite3';
import { statement } from '../sqlite/statement';
import { replaceContent } from './replace-content';

const EDITABLE = ['stories', 'prompts', 'role_actions', 'roles', 'departments'] as const;

/**
 * Replaces all content with an export file's, as one new content version.
 * Every item's revision moves past any revision handed out before, so an
 * editor opened before the restore cannot save over it.
 */
export function restoreContent(db: Database, file: ContentExport, now: Date): number {
  return db.transaction(() => {
    const floor = Math.max(
      ...EDITABLE.map((table) => (statement(db, `SELECT COALESCE(MAX(revision), 0) AS n FROM ${table}`).get() as { n: number }).n),
    );
    const version = replaceContent(db, file, now);
    for (const table of EDITABLE) statement(db, `UPDATE ${table} SET revision = ?`).run(floor + 1);
    return version;
  })();
}
