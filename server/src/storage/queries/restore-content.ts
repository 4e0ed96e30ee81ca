import type { ContentExport } from '@customer-chair/shared/schemas/content-export';
import { sql } from '../sql';
import type { Queries } from '../storage';
import { replaceContent } from './replace-content';

const EDITABLE = ['stories', 'prompts', 'role_actions', 'roles', 'departments'] as const;

/**
 * Replaces all content with an export file's, as one new content version.
 * Every item's revision moves past any revision handed out before, so an
 * editor opened before the restore cannot save over it.
 */
export async function restoreContent(q: Queries, file: ContentExport, now: Date): Promise<number> {
  return q.transaction(
    async (tx) => {
      let floor = 0;
      for (const table of EDITABLE) {
        floor = Math.max(floor, (await tx.one<{ n: number }>(sql`SELECT COALESCE(MAX(revision), 0) AS n FROM ${sql.raw(table)}`))!.n);
      }
      const version = await replaceContent(tx, file, now);
      for (const table of EDITABLE) await tx.run(sql`UPDATE ${sql.raw(table)} SET revision = ${floor + 1}`);
      return version;
    },
    { lock: 'content' },
  );
}
