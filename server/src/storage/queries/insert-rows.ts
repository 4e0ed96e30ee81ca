import { sql } from '../sql';
import type { Queries } from '../storage';

/** Rows per statement at most: a power of two, so a list is written with a few statement shapes, each prepared once. */
const MOST_ROWS = 64;

/**
 * Inserts `rows` (values in `columns` order) with multi-row INSERTs: on
 * PostgreSQL each statement is a round trip, and restoring 2000 stories one
 * by one spent most of its time waiting for them. The rows go in chunks of
 * 64, 32, … 1, so only seven statement texts are ever prepared per table.
 * `table` and `columns` are the code's own names, never a request's.
 */
export async function insertRows(q: Queries, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const head = sql.raw(`INSERT INTO ${table} (${columns.join(', ')}) VALUES `);
  for (let at = 0, size = MOST_ROWS; at < rows.length; ) {
    while (size > rows.length - at) size /= 2;
    const chunk = rows.slice(at, at + size).map((row) => sql`(${sql.join(row)})`);
    await q.run(sql`${head}${sql.join(chunk)}`);
    at += size;
  }
}
