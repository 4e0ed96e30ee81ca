import type { VoiceKind, VoiceStatusName } from '@customer-chair/shared/schemas/voice';
import { sql } from '../sql';

/** A `voice_messages` row as the server works with it (the receipt's hash included: never sent to anyone). */
export type StoredVoiceMessage = {
  id: string;
  kind: VoiceKind;
  text: string;
  department: string;
  /** The department's active installs over the 28 days before the message came. */
  departmentInstalls: number;
  receiptHash: string;
  submittedAt: string;
  /** The company-local day it came. */
  day: string;
  status: VoiceStatusName;
  reason: string | null;
  replySaid: string | null;
  replyDid: string | null;
  replyFrom: string | null;
  replyUntil: string | null;
  sharedSaid: string | null;
  sharedFrom: string | null;
  sharedUntil: string | null;
  storyId: string | null;
  revision: number;
  updatedAt: string;
};

/** The columns of a `voice_messages` row, named as StoredVoiceMessage. */
export const VOICE_COLUMNS = sql`id, kind, text, department, department_installs AS "departmentInstalls", receipt_hash AS "receiptHash",
  submitted_at AS "submittedAt", day, status, reason, reply_said AS "replySaid", reply_did AS "replyDid", reply_from AS "replyFrom",
  reply_until AS "replyUntil", shared_said AS "sharedSaid", shared_from AS "sharedFrom", shared_until AS "sharedUntil",
  story_id AS "storyId", revision, updated_at AS "updatedAt"`;

/** A row read with VOICE_COLUMNS, its numbers as numbers on both engines. */
export function readVoiceRow(row: StoredVoiceMessage): StoredVoiceMessage {
  return { ...row, departmentInstalls: Number(row.departmentInstalls), revision: Number(row.revision) };
}
