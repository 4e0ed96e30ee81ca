import { VoiceReceiptSchema, VoiceStatusSchema, type VoiceDraft, type VoiceReceipt, type VoiceStatus } from '@customer-chair/shared/schemas/voice';
import { apiJson, type Answer, type ApiDeps } from './api-request';

/** Sends a message; the answer holds the receipt, which the server will never show again. */
export function sendVoice(deps: ApiDeps, draft: VoiceDraft): Promise<Answer<VoiceReceipt>> {
  return apiJson(deps, '/api/v1/voice', { method: 'POST', body: JSON.stringify(draft), headers: { 'Content-Type': 'application/json' } }, VoiceReceiptSchema);
}

/** Where a message stands, and the CX team's answer, shown only to whoever holds its receipt. */
export function fetchVoiceStatus(deps: ApiDeps, kept: { messageId: string; receipt: string }): Promise<Answer<VoiceStatus>> {
  return apiJson(deps, `/api/v1/voice/${encodeURIComponent(kept.messageId)}`, { headers: { 'X-Voice-Receipt': kept.receipt } }, VoiceStatusSchema);
}
