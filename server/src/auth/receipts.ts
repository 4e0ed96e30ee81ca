import { createHash, randomBytes } from 'node:crypto';
import { hashToken, secretsEqual } from './tokens';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * An entry id: "e-" and 12 random base32 letters (60 bits), made by the
 * server so that ids say nothing about who sent an entry or when, and
 * cannot be guessed to link a resubmission to someone else's entry.
 */
export function newEntryId(): string {
  return randomId('e');
}

/** A voice message's id: "v-" and 12 random base32 letters, as entries'. */
export function newVoiceId(): string {
  return randomId('v');
}

function randomId(prefix: string): string {
  return `${prefix}-${[...randomBytes(12)].map((byte) => BASE32[byte % 32]).join('')}`;
}

/** The receipt secret of a new entry or voice message (256 random bits, base64url) and the hash the server keeps of it. */
export function newReceipt(): { receipt: string; receiptHash: string } {
  const receipt = randomBytes(32).toString('base64url');
  return { receipt, receiptHash: hashToken(receipt) };
}

/** A round's salt for its entries' install hashes (128 random bits). */
export function newEntrySalt(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * What a round keeps of an install: sha256(round's salt + install id), so
 * the per-install limit can be counted, but an entry cannot be joined to
 * that install's usage events (or to its entries in another round) by
 * hashing install ids. Install ids are compared as lower-case UUIDs.
 */
export function entryInstallHash(salt: string, installId: string): string {
  return createHash('sha256').update(`${salt}${installId.toLowerCase()}`, 'utf8').digest('hex');
}

/**
 * What the voice form's daily limit keeps of a browser: sha256(day + the
 * form's own random sender key), never the install id; a new key each day,
 * so a message cannot be joined to another day's.
 */
export function voiceQuotaKey(day: string, senderKey: string): string {
  return createHash('sha256').update(`${day}${senderKey.toLowerCase()}`, 'utf8').digest('hex');
}

// Compared against when there is no entry, so an unknown id costs the same time as a wrong receipt.
const NO_ENTRY = hashToken('no entry has this receipt');

/** Whether a presented receipt is the one whose hash was kept (constant time; false when nothing was presented or kept). */
export function receiptMatches(presented: string | undefined, receiptHash: string | undefined): boolean {
  const same = secretsEqual(hashToken(presented ?? ''), receiptHash ?? NO_ENTRY);
  return same && presented !== undefined && receiptHash !== undefined;
}
