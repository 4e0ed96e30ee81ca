import { describe, expect, it } from 'vitest';
import { DAY_BITS_BYTES, dayOfYear, hasDayBetween, setDayBit } from '../../../shared/src/domain/has-day-between';

describe('day bits', () => {
  it('numbers the days of a year from 0, leap days included', () => {
    expect(dayOfYear('2026-01-01')).toBe(0);
    expect(dayOfYear('2026-12-31')).toBe(364);
    expect(dayOfYear('2028-12-31')).toBe(365);
  });

  it('finds a marked day inside a range, and none outside it', () => {
    const bits = setDayBit(new Uint8Array(DAY_BITS_BYTES), dayOfYear('2026-03-15'));
    expect(hasDayBetween(bits, dayOfYear('2026-03-15'), dayOfYear('2026-03-15'))).toBe(true);
    expect(hasDayBetween(bits, 0, 365)).toBe(true);
    expect(hasDayBetween(bits, dayOfYear('2026-03-16'), 365)).toBe(false);
    expect(hasDayBetween(bits, 0, dayOfYear('2026-03-14'))).toBe(false);
  });

  it('agrees with a bit-by-bit check for every range over a random year', () => {
    const bits = new Uint8Array(DAY_BITS_BYTES);
    const marked = new Set([3, 64, 65, 200, 365]);
    for (const day of marked) setDayBit(bits, day);
    for (let first = 0; first < 366; first += 7) {
      for (let last = first; last < 366; last += 11) {
        const expected = [...marked].some((d) => d >= first && d <= last);
        expect(hasDayBetween(bits, first, last), `${first}..${last}`).toBe(expected);
      }
    }
  });
});
