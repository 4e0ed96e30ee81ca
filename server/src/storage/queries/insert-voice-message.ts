import type { VoiceKind } from '@customer-chair/shared/schemas/voice';
import { sql } from '../sql';
import type { Queries } from '../storage';

export type NewVoiceMessage = {
  id: string;
  kind: VoiceKind;
  text: string;
  department: string;
  departmentInstalls: number;
  receiptHash: string;
  submittedAt: string;
  day: string;
};

/** Stores a message as it came: status new, revision 1. */
export async function insertVoiceMessage(q: Queries, message: NewVoiceMessage): Promise<void> {
  await q.run(
    sql`INSERT INTO voice_messages (id, kind, text, department, department_installs, receipt_hash, submitted_at, day, updated_at)
        VALUES (${message.id}, ${message.kind}, ${message.text}, ${message.department}, ${message.departmentInstalls}, ${message.receiptHash},
                ${message.submittedAt}, ${message.day}, ${message.submittedAt})`,
  );
}
