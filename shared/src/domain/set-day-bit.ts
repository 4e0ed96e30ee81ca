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
