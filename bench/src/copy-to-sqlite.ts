import { postgresStorage } from '../../server/src/storage/postgres/postgres-storage';
import { openDatabase } from '../../server/src/storage/sqlite/open-database';

/** The tables events and their roll-ups live in, with the columns both engines have (PostgreSQL's `changed` marks left out). */
export const EVENT_TABLES: Record<string, readonly string[]> = {
  events: ['id', 'install_id', 'type', 'department', 'role', 'surface', 'at', 'day', 'story_id', 'prompt_id', 'action_id', 'received_at'],
  installs: ['install_id', 'first_seen_day'],
  daily_counts: ['day', 'week', 'department', 'role', 'type', 'count'],
  daily_surface_counts: ['day', 'department', 'surface', 'type', 'count'],
  daily_item_counts: ['day', 'department', 'type', 'item_id', 'count'],
  daily_action_counts: ['day', 'department', 'role', 'action_id', 'count'],
  install_activity: ['year', 'install_id', 'department', 'role', 'days'],
  install_cells: ['year', 'install_id', 'department', 'cell', 'days'],
  story_reach: ['week', 'department', 'story_id', 'install_id'],
};

/** Rows fetched from PostgreSQL, and written to SQLite, at a time. */
const CHUNK = 50_000;

/**
 * Copies the events and every roll-up from a PostgreSQL database into a new
 * SQLite file (migrated by the server's own code), row for row, each table
 * in its key order, so that both engines can be measured on the very same
 * data (generated once, with generateEvents).
 */
export async function copyEventsToSqlite(url: string, sqlitePath: string): Promise<void> {
  const storage = postgresStorage({ url, poolSize: 1, statementTimeoutMs: 3_600_000 });
  const db = openDatabase(sqlitePath);
  try {
    const client = await storage.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      for (const [table, columns] of Object.entries(EVENT_TABLES)) {
        const key = (await client.query<{ key: string }>(`SELECT string_agg(a.attname, ', ' ORDER BY k.n) AS key
          FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k (attnum, n)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
          WHERE i.indrelid = '${table}'::regclass AND i.indisprimary`)).rows[0]!.key;
        const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        const insertAll = db.transaction((rows: unknown[][]) => {
          for (const row of rows) insert.run(row);
        });
        await client.query(`DECLARE copied NO SCROLL CURSOR FOR SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${key}`);
        const fetch = async () => (await client.query<unknown[]>({ text: `FETCH FORWARD ${CHUNK} FROM copied`, rowMode: 'array' })).rows;
        // The next chunk is asked for before this one is written: PostgreSQL reads it meanwhile.
        for (let next = fetch(); ; ) {
          const rows = await next;
          if (rows.length === CHUNK) next = fetch();
          insertAll(rows);
          if (rows.length < CHUNK) break;
        }
        await client.query('CLOSE copied');
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
    await storage.close();
  }
}
