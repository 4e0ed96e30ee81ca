import { sql } from '../sql';
import type { Queries } from '../storage';
import type { StoredVoiceMessage } from './read-voice-row';

/** A message as it came; the rest of its row starts as the table's defaults. */
export type NewVoiceMessage = Pick<StoredVoiceMessage, 'id' | 'kind' | 'text' | 'department' | 'departmentInstalls' | 'receiptHash' | 'submittedAt' | 'day'>;

/** Stores a message as it came: status new, revision 1. */
export async function insertVoiceMessage(q: Queries, message: NewVoiceMessage): Promise<void> {
  await q.run(
    sql`INSERT INTO voice_messages (id, kind, text, department, department_installs, receipt_hash, submitted_at, day, updated_at)
        VALUES (${message.id}, ${message.kind}, ${message.text}, ${message.department}, ${message.departmentInstalls}, ${message.receiptHash},
                ${message.submittedAt}, ${message.day}, ${message.submittedAt})`,
  );
}
