import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayFromNumber, dayNumber, daysBetween, localDateTime, localDay, startOfLocalDay, weekStart } from '../../../shared/src/domain/local-day';

describe('localDay', () => {
  it('takes the calendar day in the given zone', () => {
    const instant = new Date('2026-03-10T23:30:00Z');
    expect(localDay(instant, 'UTC')).toBe('2026-03-10');
    expect(localDay(instant, 'Asia/Tokyo')).toBe('2026-03-11');
    expect(localDay(new Date('2026-03-11T03:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-10');
  });

  it('follows daylight-saving changes', () => {
    // Paris moves to summer time on 2026-03-29 at 01:00 UTC.
    expect(localDay(new Date('2026-03-28T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(localDay(new Date('2026-10-24T22:30:00Z'), 'Europe/Paris')).toBe('2026-10-25');
  });
});

describe('calendar arithmetic', () => {
  it('finds the Monday of a week', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // across a year
  });

  it('adds and counts days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
  });
});

/** Days in a month of the proleptic Gregorian calendar, worked out without the code under test. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Real days with four-digit years between `minYear` and `maxYear`. */
const days = (minYear: number, maxYear: number) =>
  fc
    .record({ year: fc.integer({ min: minYear, max: maxYear }), month: fc.integer({ min: 1, max: 12 }), date: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, date }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(date, daysInMonth(year, month)), 2)}`);

/** The whole four-digit range, with extra weight on its ends and on the edges of the accepted window (2000–2100). */
const anyDay = fc.oneof(days(1, 9999), days(1, 3), days(9997, 9999), days(1999, 2001), days(2099, 2101));
/** Far enough to cross centuries either way, never past the four-digit years. */
const shift = fc.integer({ min: -800_000, max: 800_000 });
const FIRST = '0001-01-01';
const LAST = '9999-12-31';
const inFourDigits = (day: string, n: number) => dayNumber(day) + n >= dayNumber(FIRST) && dayNumber(day) + n <= dayNumber(LAST);

/** What Date says, for the years it formats (1970–2100 here). */
const dateAddDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('calendar arithmetic on whole days (property tests)', () => {
  it('counts from 1970-01-01 and knows the weekdays at both ends of the four-digit years', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayFromNumber(0)).toBe('1970-01-01');
    expect(dayNumber('2000-03-01')).toBe(11_017);
    expect(weekStart('0001-01-01')).toBe('0001-01-01'); // a Monday in the proleptic Gregorian calendar
    expect(weekStart('9999-12-31')).toBe('9999-12-27');
    expect(weekStart('2000-01-01')).toBe('1999-12-27');
    expect(weekStart('2100-12-31')).toBe('2100-12-27');
  });

  it('keeps going past 0000 and 9999, where toISOString stood still', () => {
    expect(addDays('0000-01-01', 30)).toBe('0000-01-31');
    expect(addDays('0000-01-01', -1)).toBe('-0001-12-31');
    expect(addDays('9999-12-27', 7)).toBe('10000-01-03');
    expect(weekStart('0000-01-31')).toBe('0000-01-31');
    expect(daysBetween('0000-01-01', '9999-12-31')).toBe(3_652_424);
    // Five-digit years do not sort after four-digit ones, so loops over day strings must stay
    // inside the four-digit years: the schemas keep every request to 2000–2100.
    expect(addDays('9999-12-31', 1) > '9999-12-31').toBe(false);
  });

  it('treats a string that is no day as Date did: NaN to count with, an error to format', () => {
    expect(dayNumber('garbage')).toBeNaN();
    expect(dayNumber('2026-13-01')).toBeNaN();
    expect(daysBetween('2026-01-01', 'garbage')).toBeNaN();
    expect(() => addDays('garbage', 1)).toThrow(RangeError);
    expect(() => weekStart('2026-00-10')).toThrow(RangeError);
    // A day past the month's end runs on, as Date's parser does (the schemas refuse it first).
    expect(addDays('2026-02-30', 0)).toBe('2026-03-02');
  });

  it('every four-digit day, one after another: each number gives back its day, and the next day is later', () => {
    let previous = '0000-12-31';
    for (let n = dayNumber(FIRST); n <= dayNumber(LAST); n++) {
      const day = dayFromNumber(n);
      if (!(day > previous) || dayNumber(day) !== n) throw new Error(`${n}: ${day} after ${previous}`);
      previous = day;
    }
    expect(previous).toBe(LAST);
  });

  it('addDays there and back is the identity, and daysBetween measures the shift', () => {
    fc.assert(
      fc.property(anyDay, shift, (day, n) => {
        fc.pre(inFourDigits(day, n));
        const moved = addDays(day, n);
        expect(addDays(moved, -n)).toBe(day);
        expect(daysBetween(day, moved)).toBe(n);
        expect(dayFromNumber(dayNumber(day))).toBe(day);
      }),
      { numRuns: 2_000 },
    );
  });

  it('the arithmetic always advances: the next day sorts after the day, up to 9999-12-30', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 400 }), (day, n) => {
        fc.pre(day < LAST && inFourDigits(day, 1));
        expect(addDays(day, 1) > day).toBe(true);
        if (inFourDigits(day, n)) expect(addDays(day, n) > day).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('weekStart is a Monday, on or before the day, at most 6 days back', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        fc.pre(inFourDigits(day, -6));
        const monday = weekStart(day);
        const back = daysBetween(monday, day);
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(6);
        expect(monday <= day).toBe(true);
        // Monday by Date's reckoning (which counts weekdays for any year, though it cannot print them all).
        const date = new Date(0);
        date.setUTCFullYear(Number(monday.slice(0, 4)), Number(monday.slice(5, 7)) - 1, Number(monday.slice(8, 10)));
        expect(date.getUTCDay()).toBe(1);
        expect(weekStart(monday)).toBe(monday);
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with Date for the years 1970–2100', () => {
    fc.assert(
      fc.property(days(1970, 2100), fc.integer({ min: -3_000, max: 3_000 }), (day, n) => {
        fc.pre(day.slice(0, 4) >= '1970' && dateAddDays(day, n) >= '1970-01-01' && dateAddDays(day, n) <= '2100-12-31');
        expect(addDays(day, n)).toBe(dateAddDays(day, n));
        expect(daysBetween(day, dateAddDays(day, n))).toBe(n);
        expect(dayNumber(day)).toBe(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
        const sinceMonday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
        expect(weekStart(day)).toBe(dateAddDays(day, -sinceMonday));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('localDateTime', () => {
  it('shows an instant on the company’s clocks, as people read it in messages', () => {
    expect(localDateTime(new Date('2026-11-23T10:05:00Z'), 'Europe/Paris')).toBe('2026-11-23 11:05');
    expect(localDateTime(new Date('2026-11-23T00:30:00Z'), 'America/New_York')).toBe('2026-11-22 19:30');
  });
});

describe('startOfLocalDay', () => {
  it('is the zone\'s midnight: the first instant of the day there', () => {
    expect(new Date(startOfLocalDay('2026-11-24', 'UTC')).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-11-24', 'Europe/Paris')).toISOString()).toBe('2026-11-23T23:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-11-24', 'America/Los_Angeles')).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-11-24', 'Asia/Kolkata')).toISOString()).toBe('2026-11-23T18:30:00.000Z');
    expect(new Date(startOfLocalDay('2026-11-24', 'Pacific/Kiritimati')).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('follows daylight-saving changes', () => {
    expect(new Date(startOfLocalDay('2026-03-29', 'Europe/Paris')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-03-30', 'Europe/Paris')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('a minute before it is still the day before, for any zone and day', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2100-12-31') }), fc.constantFrom('UTC', 'Europe/Paris', 'America/Santiago', 'Asia/Kathmandu', 'Australia/Lord_Howe'), (n, zone) => {
        const day = dayFromNumber(n);
        const start = startOfLocalDay(day, zone);
        expect(localDay(new Date(start), zone)).toBe(day);
        expect(localDay(new Date(start - 60_000), zone)).toBe(addDays(day, -1));
      }),
      { numRuns: 200 },
    );
  });
});
