import type { Round } from '@customer-chair/shared/schemas/recognition-round';
import { storage } from 'wxt/utils/storage';
import type { EntryContent, EntryForm } from './entry-form';

/*
 * The nomination page's storage, declared once, here rather than in
 * storage.ts: the new tab loads storage.ts, and a declaration is code it
 * would carry for a page it never shows.
 */

/** A submitted entry as this browser keeps it: the receipt is its only key to the entry's status, and never leaves the browser except to ask for it. */
export type KeptEntry = {
  entryId: string;
  receipt: string;
  roundName: string;
  teamName: string;
  categoryName: string;
  submittedAt: string;
  /** What was submitted, so "Resubmit in the next round" can start from it. */
  entry: EntryContent;
};

/** The entry being written, saved as the employee types, until Submit. */
export const entryDraft = storage.defineItem<EntryForm | null>('local:entryDraft', { fallback: null, version: 1 });

/** The team's submitted entries on this browser, newest first. */
export const keptEntries = storage.defineItem<KeptEntry[]>('local:keptEntries', { fallback: [], version: 1 });

/** The last rounds the server sent, so the form can be filled in offline. */
export const cachedRounds = storage.defineItem<{ rounds: Round[]; fetchedAt: string } | null>('local:recognitionRounds', { fallback: null });
