import { createHash } from 'node:crypto';
import { sql } from '../../server/src/storage/sql';
import type { Storage } from '../../server/src/storage/storage';

/** Columns that only say which transaction last wrote a row (PostgreSQL's roll-ups), not what it holds. */
const BOOKKEEPING = new Set(['changed']);
/** Tables that are not the product's data: the sign-in throttle counts every wrong credential, refused or not. */
const NOT_DATA = new Set(['credential_failures']);

/**
 * A checksum of every row of every table (migrations included), so a test
 * can show that a refused request changed nothing at all. Rows are sorted,
 * so the physical order the engine returns them in does not matter.
 */
export async function databaseChecksum(storage: Storage): Promise<string> {
  const tables = (
    storage.engine === 'sqlite'
      ? await storage.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      : await storage.all<{ name: string }>(sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)
  )
    .map((row) => row.name)
    .filter((table) => !NOT_DATA.has(table));
  const hash = createHash('sha256');
  if (storage.engine === 'postgres') {
    // One round trip for every table (the fuzz tests take a checksum before and after each request):
    // each table's rows as JSON, bookkeeping columns dropped, sorted by their text.
    const row = ['to_jsonb(t)', ...[...BOOKKEEPING].map((column) => `'${column}'`)].join(' - ');
    const select = tables.map((table, i) => `(SELECT coalesce(jsonb_agg(${row} ORDER BY (${row})::text), '[]'::jsonb)::text FROM "${table}" t) AS t${i}`).join(', ');
    const [all] = await storage.all<Record<string, string>>(sql`SELECT ${sql.raw(select)}`);
    tables.forEach((table, i) => hash.update(`${table}\u0000${all![`t${i}`]}\u0001`));
    return hash.digest('hex');
  }
  for (const table of tables) {
    const rows = (await storage.all<Record<string, unknown>>(sql`SELECT * FROM ${sql.raw(`"${table}"`)}`)).map((row) =>
      JSON.stringify(Object.entries(row).filter(([column]) => !BOOKKEEPING.has(column)).map(([, v]) => (Buffer.isBuffer(v) ? v.toString('hex') : v))),
    );
    rows.sort();
    hash.update(`${table}\u0000${rows.length}\u0000${rows.join('\n')}\u0001`);
  }
  return hash.digest('hex');
}
