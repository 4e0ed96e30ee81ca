import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Clock } from '../clock';
import { clientAddress } from '../http/client-address';
import { tooMany } from '../middleware/rate-limit';
import { pruneCredentialFailures } from '../storage/queries/prune-credential-failures';
import { recordCredentialFailure } from '../storage/queries/record-credential-failure';
import type { Queries } from '../storage/storage';

export type CredentialThrottleOptions = {
  /** Where failures are counted: the database every instance shares. */
  storage: Queries;
  clock: Clock;
  /** Wrong credentials a key may present before it backs off. */
  free?: number;
  /** The first wait after the free ones; each further failure doubles it… */
  firstDelayMs?: number;
  /** …up to this. */
  maxDelayMs?: number;
  /** A key with no failure for this long starts afresh. */
  forgetAfterMs?: number;
  /** Keys remembered at most (by all instances together); the least recently failing go first. */
  maxKeys?: number;
};

export const CREDENTIAL_THROTTLE = { free: 10, firstDelayMs: 1000, maxDelayMs: 15 * 60 * 1000, forgetAfterMs: 60 * 60 * 1000, maxKeys: 20_000 };

/** Characters of a presented credential that name its prefix key. */
const PREFIX_CHARS = 6;

export type CredentialThrottle = {
  /**
   * Notes one wrong credential (an admin token, a session cookie, the
   * enrollment key) presented from `address`; answers the seconds to wait
   * when its address or its prefix is now backing off, else undefined.
   */
  fail(address: string, presented: string): Promise<number | undefined>;
  /** Answers a wrong credential: 429 with Retry-After while backing off, else `refuse()` (the usual 401). */
  refuse(c: Context, presented: string, refuse: () => Response): Promise<Response>;
};

/**
 * One throttle for every way of presenting a credential (sign-in, admin
 * bearer tokens, session cookies, the enrollment key), so a guesser cannot
 * spread guesses over them. Failures are counted per client address and per
 * credential prefix (a hash of its first characters: guesses of one token
 * format from many addresses share it). After `free` failures a key backs
 * off: 1 s, doubling with every further failure up to 15 minutes, forgotten
 * after an hour without failures.
 *
 * Only WRONG credentials are ever refused with 429: callers check the
 * credential first and come here only when it failed, so a correct token
 * always works, even from an address that is backing off. That is safe
 * because admin tokens are at least 32 characters and generated ones carry
 * 256 random bits: telling "right" from "wrong" during a back-off gives a
 * guesser nothing it could use in a lifetime of guessing. Refusing the
 * correct token instead would hand the lock to anyone: behind the reverse
 * proxy every CX lead shares one address, and ten wrong guesses would lock
 * them all out. Lock out the guessing, not the account.
 *
 * The counts are kept in the database (credential_failures), not in the
 * process: every instance behind a load balancer counts the same failures,
 * so N wrong guesses spread over three instances back off after N, not 3N.
 * Each failure is counted by one upsert per key that answers the new count
 * (atomic on both engines: two instances counting at once never both see
 * the same count). The table is bounded: every `maxKeys / 100` failures an
 * instance drops the keys forgotten anyway and all but the `maxKeys` most
 * recently failing, so it holds at most `maxKeys` plus the keys the
 * instances added since their last prune (2 per failure: 400 per instance
 * with the defaults). A successful request costs nothing here.
 */
export function credentialThrottle(options: CredentialThrottleOptions): CredentialThrottle {
  const { storage, clock, free, firstDelayMs, maxDelayMs, forgetAfterMs, maxKeys } = { ...CREDENTIAL_THROTTLE, ...options };
  const pruneEvery = Math.max(1, Math.floor(maxKeys / 100));
  let sincePrune = 0;

  const delayOf = (failures: number) => (failures <= free ? 0 : Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - free - 1, 30)));

  async function fail(address: string, presented: string): Promise<number | undefined> {
    const now = clock.now();
    const forgetBefore = new Date(now.getTime() - forgetAfterMs);
    const prefix = createHash('sha256').update(presented.slice(0, PREFIX_CHARS)).digest('base64url').slice(0, 16);
    const counts = await Promise.all([`a ${address}`, `p ${prefix}`].map((key) => recordCredentialFailure(storage, key, now, forgetBefore)));
    if (++sincePrune >= pruneEvery) {
      sincePrune = 0;
      // Two instances pruning at once may deadlock on PostgreSQL; the other one's prune did the work then.
      await pruneCredentialFailures(storage, forgetBefore, maxKeys).catch(() => undefined);
    }
    const delay = Math.max(...counts.map(delayOf));
    return delay === 0 ? undefined : Math.ceil(delay / 1000);
  }

  return {
    fail,
    async refuse(c, presented, refuse) {
      const wait = await fail(clientAddress(c), presented);
      if (wait === undefined) return refuse();
      return tooMany(c, wait, 'Too many wrong credentials from this address, or like this one; a correct one is still accepted.');
    },
  };
}
