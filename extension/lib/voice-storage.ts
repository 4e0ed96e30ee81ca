import type { VoiceKind } from '@customer-chair/shared/schemas/voice';
import { storage } from 'wxt/utils/storage';

/*
 * The voice page's storage, declared here rather than in storage.ts (as
 * recognition-storage.ts explains): the new tab loads storage.ts, and would
 * carry these declarations for a page it never shows.
 */

/**
 * The random key the voice form sends for the daily limit alone: made for
 * this form, never the install id, so a message cannot be joined to usage
 * events. The server keeps only a hash of it with the day.
 */
export const voiceSenderKey = storage.defineItem<string | null>('local:voiceSenderKey', { fallback: null });

/** A sent message as this browser keeps it: the receipt is its only key to the status and the reply. */
export type KeptVoice = {
  messageId: string;
  receipt: string;
  kind: VoiceKind;
  /** The start of what was sent, so the employee knows which message it was. */
  excerpt: string;
  sentAt: string;
};

/** The messages sent from this browser, newest first. */
export const keptVoice = storage.defineItem<KeptVoice[]>('local:keptVoice', { fallback: [], version: 1 });
