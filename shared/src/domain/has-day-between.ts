import { daysBetween } from './local-day';

/** 366 days, one bit each: an install's activity in one calendar year. */
export const DAY_BITS_BYTES = 46;

/** 0 for 1 January of the day's year, up to 365. */
export function dayOfYear(day: string): number {
  return daysBetween(`${day.slice(0, 4)}-01-01`, day);
}

/** Marks a day (by its index in the year) in a year's bits. */
export function setDayBit(bits: Uint8Array, index: number): Uint8Array {
  bits[index >> 3]! |= 1 << (index & 7);
  return bits;
}

/** Whether any day from index `first` to `last` (inclusive) is marked. */
export function hasDayBetween(bits: Uint8Array, first: number, last: number): boolean {
  return dayWindowTest(first, last)(bits);
}

/**
 * A test of "any day from index `first` to `last` (inclusive) is marked",
 * made once for many bitmaps: the bytes the window covers and a mask for
 * each, so a 30-day window is five byte tests, not thirty bit tests.
 */
export function dayWindowTest(first: number, last: number): (bits: Uint8Array) => boolean {
  const from = Math.max(0, first);
  if (last < from) return () => false;
  const firstByte = from >> 3;
  const lastByte = last >> 3;
  const masks = new Uint8Array(lastByte - firstByte + 1).fill(0xff);
  masks[0]! &= (0xff << (from & 7)) & 0xff;
  masks[masks.length - 1]! &= 0xff >> (7 - (last & 7));
  return (bits) => {
    for (let i = 0; i < masks.length; i++) if ((bits[firstByte + i]! & masks[i]!) !== 0) return true;
    return false;
  };
}
