import { randomUUID } from 'node:crypto';
import type { VoiceDraft, VoiceReceipt } from '../../shared/src/schemas/voice';
import type { TestApp } from './admin-api';
import { installIds, makeEvent } from './make-event';
import { postEventsOnTime } from './test-app';

/** A valid message from Customer Support; a new sender key each time unless `senderKey` is given. */
export function voiceDraft(overrides: Partial<VoiceDraft> = {}): VoiceDraft {
  return {
    senderKey: randomUUID(),
    kind: 'customer_said',
    department: 'support',
    text: 'A customer told me our invoices arrive after their month-end close, so they always pay us late.',
    ...overrides,
  };
}

/** POSTs a message as the extension does (a raw string is sent as it is). */
export function sendVoice(t: Pick<TestApp, 'app'>, draft: unknown, headers: Record<string, string> = {}) {
  return t.app.request('/api/v1/voice', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof draft === 'string' ? draft : JSON.stringify(draft),
  });
}

/** Sends a valid message and answers its receipt (the test fails loudly if it was refused). */
export async function sentVoice(t: Pick<TestApp, 'app'>, overrides: Partial<VoiceDraft> = {}): Promise<VoiceReceipt> {
  const response = await sendVoice(t, voiceDraft(overrides));
  if (response.status !== 201) throw new Error(`message refused: ${response.status} ${await response.text()}`);
  return (await response.json()) as VoiceReceipt;
}

/** Asks for a message's status with its receipt (none when `receipt` is undefined). */
export function getVoiceStatus(t: Pick<TestApp, 'app'>, messageId: string, receipt: string | undefined, headers: Record<string, string> = {}) {
  return t.app.request(`/api/v1/voice/${encodeURIComponent(messageId)}`, {
    headers: { ...(receipt === undefined ? {} : { 'X-Voice-Receipt': receipt }), ...headers },
  });
}

/** `count` new installs active in `department` at `at` (an event each, received on time). */
export async function activeInstalls(t: Pick<TestApp, 'app' | 'clock' | 'config' | 'storage'>, department: string, count: number, at = t.clock.now().toISOString()) {
  const events = installIds(count).map((installId) => makeEvent({ installId, at, department, role: department, type: 'story_viewed', storyId: 'night-shift-login' }));
  for (const response of await postEventsOnTime(t, { events })) {
    if (response.status !== 200) throw new Error(`events refused: ${response.status} ${await response.text()}`);
  }
}
