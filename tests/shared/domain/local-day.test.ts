import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDateTime, localDay, weekStart } from '../../../shared/src/domain/local-day';

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

describe('localDateTime', () => {
  it('shows an instant on the company’s clocks, as people read it in messages', () => {
    expect(localDateTime(new Date('2026-11-23T10:05:00Z'), 'Europe/Paris')).toBe('2026-11-23 11:05');
    expect(localDateTime(new Date('2026-11-23T00:30:00Z'), 'America/New_York')).toBe('2026-11-22 19:30');
  });
});
