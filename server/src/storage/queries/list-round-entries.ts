import { sql } from '../sql';
import type { Queries } from '../storage';
import { ENTRY_COLUMNS, readEntryRow, type EntryRecord, type EntryRow } from './read-entry-row';

/** Every entry of a round, the first submitted first. */
export async function listRoundEntries(q: Queries, roundId: string): Promise<EntryRecord[]> {
  const rows = await q.all<EntryRow>(sql`SELECT ${ENTRY_COLUMNS} FROM recognition_entries e WHERE e.round_id = ${roundId} ORDER BY e.submitted_at, e.id`);
  return rows.map(readEntryRow);
}
