import { sql } from '../sql';
import type { Queries } from '../storage';
import { hasUsage } from './has-usage';
import { isDemoDatabase } from './is-demo-database';

/**
 * Marks a new database as the demo's, once: answers true when it is marked
 * (now or before), false when it is not and may not be, because it already
 * holds content, an admin token or usage: a database someone uses. The
 * demo's generated usage is written only into a marked one.
 */
export async function markDemoDatabase(q: Queries): Promise<boolean> {
  return q.transaction(
    async (tx) => {
      if (await isDemoDatabase(tx)) return true;
      const used = await tx.one<{ used: number | boolean }>(
        sql`SELECT EXISTS (SELECT 1 FROM content_meta) OR EXISTS (SELECT 1 FROM stories) OR EXISTS (SELECT 1 FROM admin_tokens) AS used`,
      );
      if (Boolean(used?.used) || (await hasUsage(tx))) return false;
      await tx.run(sql`UPDATE settings SET demo = ${tx.engine === 'sqlite' ? 1 : true} WHERE id = 1`);
      return true;
    },
    { lock: 'content' },
  );
}
