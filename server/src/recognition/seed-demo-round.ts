import { randomUUID } from 'node:crypto';
import { demoRecognition } from '@customer-chair/shared/demo/demo-recognition';
import { entryInstallHash, newEntryId, newReceipt, newEntrySalt } from '../auth/receipts';
import { insertRecognitionEntry } from '../storage/queries/insert-recognition-entry';
import { insertRecognitionRound } from '../storage/queries/insert-recognition-round';
import type { Queries } from '../storage/storage';

/**
 * The demo's recognition round, open on `today`, with its fictional entries
 * (so a newcomer sees the loop: the extension's form, the judges' queue).
 * Nobody holds the entries' receipts or installs: both are random, and the
 * receipts are dropped once hashed.
 */
export async function seedDemoRound(q: Queries, today: string): Promise<void> {
  const { round, entries } = demoRecognition(today);
  const salt = newEntrySalt();
  await insertRecognitionRound(q, round, salt);
  for (const { submittedOn, ...entry } of entries) {
    await insertRecognitionEntry(q, {
      ...entry,
      roundId: round.id,
      id: newEntryId(),
      receiptHash: newReceipt().receiptHash,
      installHash: entryInstallHash(salt, randomUUID()),
      submittedAt: `${submittedOn}T09:00:00.000Z`,
    });
  }
}
