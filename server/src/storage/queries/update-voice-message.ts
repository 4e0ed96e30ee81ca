import { sql } from '../sql';
import type { Queries } from '../storage';
import type { StoredVoiceMessage } from './read-voice-row';

/** What the CX team changes on a message; the sender's text, department and receipt never change. */
export type VoiceMessageChange = Pick<
  StoredVoiceMessage,
  'status' | 'reason' | 'replySaid' | 'replyDid' | 'replyFrom' | 'replyUntil' | 'sharedSaid' | 'sharedFrom' | 'sharedUntil' | 'storyId'
>;

/** Writes a message's answer, one revision on. */
export async function updateVoiceMessage(q: Queries, id: string, change: VoiceMessageChange, now: Date): Promise<void> {
  await q.run(
    sql`UPDATE voice_messages
        SET status = ${change.status}, reason = ${change.reason}, reply_said = ${change.replySaid}, reply_did = ${change.replyDid},
            reply_from = ${change.replyFrom}, reply_until = ${change.replyUntil}, shared_said = ${change.sharedSaid},
            shared_from = ${change.sharedFrom}, shared_until = ${change.sharedUntil}, story_id = ${change.storyId},
            revision = revision + 1, updated_at = ${now.toISOString()}
        WHERE id = ${id}`,
  );
}
