import { sql } from '../sql';
import type { Queries } from '../storage';
import { ENTRY_COLUMNS, readEntryRow, type EntryRecord, type EntryRow } from './read-entry-row';

/** One entry, as judging reads it. */
export async function findEntryRecord(q: Queries, id: string): Promise<EntryRecord | undefined> {
  const row = await q.one<EntryRow>(sql`SELECT ${ENTRY_COLUMNS} FROM recognition_entries e WHERE e.id = ${id}`);
  return row && readEntryRow(row);
}
