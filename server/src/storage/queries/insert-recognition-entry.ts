import type { EntryDraft } from '@customer-chair/shared/schemas/recognition-entry';
import { sql } from '../sql';
import type { Queries } from '../storage';

/** An entry as stored: the draft without its install id, which is kept only as `installHash`. */
export type NewEntry = Omit<EntryDraft, 'installId'> & { id: string; receiptHash: string; installHash: string; submittedAt: string };

export async function insertRecognitionEntry(q: Queries, entry: NewEntry): Promise<void> {
  await q.run(
    sql`INSERT INTO recognition_entries (id, round_id, category_id, team_name, department, customer, before_text, after_text, method,
          ack_quote, ack_source, self_check, previous_entry_id, receipt_hash, install_hash, submitted_at)
        VALUES (${entry.id}, ${entry.roundId}, ${entry.categoryId}, ${entry.team.name}, ${entry.team.department}, ${entry.customer},
          ${entry.before}, ${entry.after}, ${entry.method}, ${entry.acknowledgement?.quote ?? null}, ${entry.acknowledgement?.source ?? null},
          ${JSON.stringify(entry.selfCheck)}, ${entry.previousEntryId ?? null}, ${entry.receiptHash}, ${entry.installHash}, ${entry.submittedAt})`,
  );
}
