import type { EntryOutcome } from '@customer-chair/shared/schemas/recognition-entry';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** What the server answers about an entry from: where it is, whose team, its outcome, and the receipt's hash to check. */
export type StoredEntry = {
  id: string;
  roundId: string;
  categoryId: string;
  teamName: string;
  department: string;
  previousEntryId: string | null;
  receiptHash: string;
  submittedAt: string;
  outcome: EntryOutcome | null;
};

export async function findRecognitionEntry(q: Queries, id: string): Promise<StoredEntry | undefined> {
  return q.one<StoredEntry>(
    sql`SELECT id, round_id AS "roundId", category_id AS "categoryId", team_name AS "teamName", department,
          previous_entry_id AS "previousEntryId", receipt_hash AS "receiptHash", submitted_at AS "submittedAt", outcome
        FROM recognition_entries WHERE id = ${id}`,
  );
}
