import { sql } from '../sql';
import type { Queries } from '../storage';
import { readVoiceRow, VOICE_COLUMNS, type StoredVoiceMessage } from './read-voice-row';

/** One voice message by id, or undefined. */
export async function findVoiceMessage(q: Queries, id: string): Promise<StoredVoiceMessage | undefined> {
  const row = await q.one<StoredVoiceMessage>(sql`SELECT ${VOICE_COLUMNS} FROM voice_messages WHERE id = ${id}`);
  return row && readVoiceRow(row);
}
