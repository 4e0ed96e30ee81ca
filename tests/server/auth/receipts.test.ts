import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entryInstallHash, newEntryId, newReceipt, newEntrySalt, newVoiceId, receiptMatches, voiceQuotaKey } from '../../../server/src/auth/receipts';
import { hashToken } from '../../../server/src/auth/tokens';
import { IdSchema } from '../../../shared/src/schemas/common';
import { EntryReceiptSchema } from '../../../shared/src/schemas/recognition-entry';

const INSTALL = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('entry receipts', () => {
  it('makes random entry ids that are valid ids, and 256-bit receipts of which only the sha256 is kept', () => {
    const ids = new Set(Array.from({ length: 1000 }, newEntryId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(IdSchema.safeParse(id).success && /^e-[a-z2-7]{12}$/.test(id), id).toBe(true);
    const { receipt, receiptHash } = newReceipt();
    expect(Buffer.from(receipt, 'base64url')).toHaveLength(32);
    expect(EntryReceiptSchema.safeParse({ entryId: newEntryId(), receipt }).success).toBe(true);
    expect(receiptHash).toBe(hashToken(receipt));
    expect(newReceipt().receipt).not.toBe(receipt);
  });

  it('hashes an install per round: the same install gives unrelated hashes under two salts, and none is a plain hash of the id', () => {
    const [a, b] = [newEntrySalt(), newEntrySalt()];
    expect(a).not.toBe(b);
    expect(entryInstallHash(a, INSTALL)).toBe(entryInstallHash(a, INSTALL.toUpperCase()));
    expect(entryInstallHash(a, INSTALL)).not.toBe(entryInstallHash(b, INSTALL));
    expect(entryInstallHash(a, INSTALL)).not.toBe(createHash('sha256').update(INSTALL).digest('hex'));
  });

  it('matches only the receipt whose hash was kept; nothing matches a missing receipt or a missing entry', () => {
    const { receipt, receiptHash } = newReceipt();
    expect(receiptMatches(receipt, receiptHash)).toBe(true);
    expect(receiptMatches(`${receipt}x`, receiptHash)).toBe(false);
    expect(receiptMatches(receiptHash, receiptHash)).toBe(false);
    expect(receiptMatches(undefined, receiptHash)).toBe(false);
    expect(receiptMatches(receipt, undefined)).toBe(false);
    expect(receiptMatches('no entry has this receipt', undefined)).toBe(false);
  });

  it('makes voice message ids like entry ids, and daily-limit keys that change with the day and never contain the sender key', () => {
    const ids = new Set(Array.from({ length: 1000 }, newVoiceId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(IdSchema.safeParse(id).success && /^v-[a-z2-7]{12}$/.test(id), id).toBe(true);
    const key = voiceQuotaKey('2026-11-23', INSTALL);
    expect(key).toBe(createHash('sha256').update(`2026-11-23${INSTALL}`).digest('hex'));
    expect(voiceQuotaKey('2026-11-23', INSTALL.toUpperCase())).toBe(key);
    expect(voiceQuotaKey('2026-11-24', INSTALL)).not.toBe(key);
    expect(key).not.toContain(INSTALL.replaceAll('-', ''));
  });
});
