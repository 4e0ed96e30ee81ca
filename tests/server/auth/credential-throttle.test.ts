import { describe, expect, it } from 'vitest';
import { CREDENTIAL_THROTTLE, credentialThrottle } from '../../../server/src/auth/credential-throttle';
import { fixedClock } from '../../../server/src/clock';
import { sql } from '../../../server/src/storage/sql';
import { openTestStorage } from '../../support/test-storage';

const START = '2026-11-23T10:00:00Z';
const at = (ms: number) => new Date(Date.parse(START) + ms);

describe('credentialThrottle', () => {
  it('lets the first failures go free, then doubles the wait with every failure up to 15 minutes', async () => {
    const clock = fixedClock(START);
    const throttle = credentialThrottle({ storage: await openTestStorage(), clock });
    for (let i = 0; i < CREDENTIAL_THROTTLE.free; i++) expect(await throttle.fail('10.0.0.1', `guess-${i}`)).toBeUndefined();
    const waits: (number | undefined)[] = [];
    for (let i = 0; i < 13; i++) waits.push(await throttle.fail('10.0.0.1', `more-${i}`));
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
  });

  it('counts per address and per credential prefix: many addresses guessing one format back off together', async () => {
    const throttle = credentialThrottle({ storage: await openTestStorage(), clock: fixedClock(START) });
    for (let i = 0; i < CREDENTIAL_THROTTLE.free; i++) expect(await throttle.fail(`10.0.0.${i}`, `cc_admin_guess${i}`)).toBeUndefined();
    // An eleventh address, the same prefix.
    expect(await throttle.fail('10.0.0.99', 'cc_admin_another')).toBe(1);
    // Another address with another prefix is not affected.
    expect(await throttle.fail('10.0.1.1', 'zzzzzz-other')).toBeUndefined();
  });

  it('forgets a key after an hour without failures, not before', async () => {
    const clock = fixedClock(START);
    const throttle = credentialThrottle({ storage: await openTestStorage(), clock });
    for (let i = 0; i < CREDENTIAL_THROTTLE.free + 3; i++) await throttle.fail('10.0.0.1', `g${i}-guess`);
    clock.set(at(CREDENTIAL_THROTTLE.forgetAfterMs - 1000));
    expect(await throttle.fail('10.0.0.1', 'later-guess')).toBe(8);
    clock.set(at(2 * CREDENTIAL_THROTTLE.forgetAfterMs));
    expect(await throttle.fail('10.0.0.1', 'fresh-guess')).toBeUndefined();
  });

  it('keeps at most maxKeys keys in the database, dropping those that failed longest ago', async () => {
    const storage = await openTestStorage();
    const clock = fixedClock(START);
    const throttle = credentialThrottle({ storage, clock, maxKeys: 100, free: 1 });
    const keys = async () => (await storage.one<{ n: number }>(sql`SELECT COUNT(*) AS n FROM credential_failures`))!.n;
    await throttle.fail('10.9.9.9', 'first!');
    // Failures a millisecond apart: the table orders keys by their last failure.
    for (let i = 0; i < 1000; i++) {
      clock.set(at(i + 1));
      await throttle.fail(`10.${i >> 8}.${i & 255}.1`, `p${i}`.padEnd(6, '-'));
      expect(await keys()).toBeLessThanOrEqual(100);
    }
    // The first address was dropped with its prefix, so it starts free again.
    expect(await throttle.fail('10.9.9.9', 'first!')).toBeUndefined();
    // A recent one is still remembered.
    expect(await throttle.fail('10.3.231.1', 'p999--')).toBe(1);
  });

  it('forgets in the database too: keys an hour without failures are pruned', async () => {
    const storage = await openTestStorage();
    const clock = fixedClock(START);
    const throttle = credentialThrottle({ storage, clock, maxKeys: 100 });
    for (let i = 0; i < 10; i++) await throttle.fail(`10.0.0.${i}`, `old-${i}-guess`);
    clock.set(at(CREDENTIAL_THROTTLE.forgetAfterMs + 1));
    await throttle.fail('10.0.1.1', 'new-guess');
    const rows = await storage.all<{ key: string; failures: number }>(sql`SELECT key, failures FROM credential_failures ORDER BY key`);
    expect(rows).toEqual([
      { key: 'a 10.0.1.1', failures: 1 },
      { key: expect.stringMatching(/^p /), failures: 1 },
    ]);
  });

  it('counts failures from instances at once without losing any: each sees a count of its own', async () => {
    const storage = await openTestStorage();
    const clock = fixedClock(START);
    const instances = [1, 2, 3].map(() => credentialThrottle({ storage, clock, free: 30 }));
    const waits = await Promise.all(Array.from({ length: 36 }, (_, i) => instances[i % 3]!.fail('10.0.0.1', `${i}-concurrent`)));
    // 30 free, then 1, 2, 4, 8, 16, 32 s: one each, whichever instance counted them.
    expect(waits.filter((wait) => wait === undefined)).toHaveLength(30);
    expect(waits.filter((wait) => wait !== undefined).sort((a, b) => a! - b!)).toEqual([1, 2, 4, 8, 16, 32]);
  });
});
