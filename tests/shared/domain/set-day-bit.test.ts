import { describe, expect, it } from 'vitest';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../../shared/src/domain/set-day-bit';

describe('day bits', () => {
  it('numbers the days of a year from 0, leap days included', () => {
    expect(dayOfYear('2026-01-01')).toBe(0);
    expect(dayOfYear('2026-12-31')).toBe(364);
    expect(dayOfYear('2028-12-31')).toBe(365);
  });

  it('marks each day in its own bit of a year’s bytes', () => {
    const bits = new Uint8Array(DAY_BITS_BYTES);
    for (const day of [0, 7, 8, 365]) setDayBit(bits, day);
    expect(bits[0]).toBe(0b1000_0001);
    expect(bits[1]).toBe(0b0000_0001);
    expect(bits[45]).toBe(0b0010_0000);
    expect(bits.reduce((sum, byte) => sum + byte, 0)).toBe(0b1000_0001 + 1 + 0b0010_0000);
  });
});
