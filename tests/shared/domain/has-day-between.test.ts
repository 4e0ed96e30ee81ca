import { describe, expect, it } from 'vitest';
import { DAY_BITS_BYTES, dayOfYear, dayWindowTest, hasDayBetween, setDayBit } from '../../../shared/src/domain/has-day-between';

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

describe('dayWindowTest', () => {
  it('answers as testing each bit would, for every window over many bitmaps', () => {
    const naive = (bits: Uint8Array, first: number, last: number) => {
      for (let i = first; i <= last; i++) if (bits[i >> 3]! & (1 << (i & 7))) return true;
      return false;
    };
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let n = 0; n < 40; n++) {
      const bits = new Uint8Array(DAY_BITS_BYTES);
      for (let k = Math.floor(random() * 6); k > 0; k--) setDayBit(bits, Math.floor(random() * 366));
      for (let first = 0; first < 366; first += 5) {
        for (const length of [1, 7, 8, 9, 30, 31, 366]) {
          const last = Math.min(365, first + length - 1);
          expect(dayWindowTest(first, last)(bits), `${first}..${last}`).toBe(naive(bits, first, last));
        }
      }
    }
  });

  it('finds nothing in an empty window', () => {
    const bits = new Uint8Array(DAY_BITS_BYTES).fill(0xff);
    expect(dayWindowTest(10, 9)(bits)).toBe(false);
  });
});
