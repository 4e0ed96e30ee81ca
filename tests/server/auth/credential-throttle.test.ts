import { describe, expect, it } from 'vitest';
import { CREDENTIAL_THROTTLE, credentialThrottle } from '../../../server/src/auth/credential-throttle';
import { fixedClock } from '../../../server/src/clock';

const START = '2026-11-23T10:00:00Z';
const at = (ms: number) => new Date(Date.parse(START) + ms);

describe('credentialThrottle', () => {
  it('lets the first failures go free, then doubles the wait with every failure up to 15 minutes', () => {
    const clock = fixedClock(START);
    const throttle = credentialThrottle({ clock });
    for (let i = 0; i < CREDENTIAL_THROTTLE.free; i++) expect(throttle.fail('10.0.0.1', `guess-${i}`)).toBeUndefined();
    const waits = Array.from({ length: 13 }, (_, i) => throttle.fail('10.0.0.1', `more-${i}`));
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
  });

  it('counts per address and per credential prefix: many addresses guessing one format back off together', () => {
    const throttle = credentialThrottle({ clock: fixedClock(START) });
    for (let i = 0; i < CREDENTIAL_THROTTLE.free; i++) expect(throttle.fail(`10.0.0.${i}`, `cc_admin_guess${i}`)).toBeUndefined();
    // An eleventh address, the same prefix.
    expect(throttle.fail('10.0.0.99', 'cc_admin_another')).toBe(1);
    // Another address with another prefix is not affected.
    expect(throttle.fail('10.0.1.1', 'zzzzzz-other')).toBeUndefined();
  });

  it('forgets a key after an hour without failures, not before', () => {
    const clock = fixedClock(START);
    const throttle = credentialThrottle({ clock });
    for (let i = 0; i < CREDENTIAL_THROTTLE.free + 3; i++) throttle.fail('10.0.0.1', `g${i}-guess`);
    clock.set(at(CREDENTIAL_THROTTLE.forgetAfterMs - 1000));
    expect(throttle.fail('10.0.0.1', 'later-guess')).toBe(8);
    clock.set(at(2 * CREDENTIAL_THROTTLE.forgetAfterMs));
    expect(throttle.fail('10.0.0.1', 'fresh-guess')).toBeUndefined();
  });

  it('keeps at most maxKeys keys, dropping those that failed longest ago', () => {
    const clock = fixedClock(START);
    const throttle = credentialThrottle({ clock, maxKeys: 100, free: 1 });
    throttle.fail('10.9.9.9', 'first!');
    for (let i = 0; i < 10_000; i++) throttle.fail(`10.${i >> 8}.${i & 255}.1`, `p${i}`.padEnd(6, '-'));
    // The first address was dropped with its prefix, so it starts free again.
    expect(throttle.fail('10.9.9.9', 'first!')).toBeUndefined();
    // A recent one is still remembered.
    expect(throttle.fail('10.39.15.1', 'p9999-')).toBe(1);
  });
});
