import { sql } from '../sql';
import type { PostgresQueries, SqliteQueries } from '../storage';
import { statement } from '../sqlite/statement';

/**
 * Records installs first seen on `day` (company-local day of receipt);
 * installs already known keep their day. (Ingest records them with the
 * events it stores: storeEvents, storeEventBatches.)
 */
export async function insertInstalls(q: SqliteQueries | PostgresQueries, installIds: Iterable<string>, day: string): Promise<void> {
  const ids = [...new Set(installIds)].sort();
  if (q.engine === 'sqlite') {
    return q.sync((db) => {
      const insert = statement(db, 'INSERT INTO installs (install_id, first_seen_day) VALUES (?, ?) ON CONFLICT (install_id) DO NOTHING');
      for (const installId of ids) insert.run(installId, day);
    });
  }
  await q.run(sql`
    INSERT INTO installs (install_id, first_seen_day) SELECT install_id, ${day} FROM unnest(${ids}::text[]) AS i (install_id)
    ON CONFLICT (install_id) DO NOTHING`);
}
