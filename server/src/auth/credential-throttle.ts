import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Clock } from '../clock';
import { clientAddress } from '../http/client-address';
import { tooMany } from '../middleware/rate-limit';

export type CredentialThrottleOptions = {
  clock: Clock;
  /** Wrong credentials a key may present before it backs off. */
  free?: number;
  /** The first wait after the free ones; each further failure doubles it… */
  firstDelayMs?: number;
  /** …up to this. */
  maxDelayMs?: number;
  /** A key with no failure for this long starts afresh. */
  forgetAfterMs?: number;
  /** Keys remembered at most; the least recently failing go first. */
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
  fail(address: string, presented: string): number | undefined;
  /** Answers a wrong credential: 429 with Retry-After while backing off, else `refuse()` (the usual 401). */
  refuse(c: Context, presented: string, refuse: () => Response): Response;
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
 * Memory is bounded by `maxKeys` (the least recently failing are dropped);
 * a successful request costs nothing here.
 */
export function credentialThrottle(options: CredentialThrottleOptions): CredentialThrottle {
  const { clock, free, firstDelayMs, maxDelayMs, forgetAfterMs, maxKeys } = { ...CREDENTIAL_THROTTLE, ...options };
  // Insertion order is failure order: each failure moves its key to the end.
  const keys = new Map<string, { failures: number; last: number }>();

  function failKey(key: string, now: number): number {
    const known = keys.get(key);
    const failures = known && now - known.last < forgetAfterMs ? known.failures + 1 : 1;
    keys.delete(key);
    keys.set(key, { failures, last: now });
    return failures <= free ? 0 : Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - free - 1, 30));
  }

  function fail(address: string, presented: string): number | undefined {
    const now = clock.now().getTime();
    const prefix = createHash('sha256').update(presented.slice(0, PREFIX_CHARS)).digest('base64url').slice(0, 16);
    const delay = Math.max(failKey(`a ${address}`, now), failKey(`p ${prefix}`, now));
    for (const key of keys.keys()) {
      if (keys.size <= maxKeys) break;
      keys.delete(key);
    }
    return delay === 0 ? undefined : Math.ceil(delay / 1000);
  }

  return {
    fail,
    refuse(c, presented, refuse) {
      const wait = fail(clientAddress(c), presented);
      if (wait === undefined) return refuse();
      return tooMany(c, wait, 'Too many wrong credentials from this address, or like this one; a correct one is still accepted.');
    },
  };
}
