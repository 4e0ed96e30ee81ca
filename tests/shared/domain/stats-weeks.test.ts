import { describe, expect, it } from 'vitest';
import { MAX_STATS_RANGE_DAYS } from '../../../shared/src/schemas/stats';
import { addDays } from '../../../shared/src/domain/local-day';
import { MAX_STATS_WEEKS, statsWeeks } from '../../../shared/src/domain/stats-weeks';

// 2026-11-25 is a Wednesday: the week of Monday 2026-11-23 is under way.
const TODAY = '2026-11-25';

describe('statsWeeks', () => {
  it('gives the Mondays of the whole weeks a range touches, the part-covered ones at both ends included', () => {
    // 2026-11-01 is a Sunday (week of 10-26) and 11-18 a Wednesday (week of 11-16).
    expect(statsWeeks({ from: '2026-11-01', to: '2026-11-18' }, TODAY)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
  });

  it('never gives the current week, nor a later one', () => {
    expect(statsWeeks({ from: '2026-11-09', to: '2026-12-31' }, TODAY)).toEqual(['2026-11-09', '2026-11-16']);
    expect(statsWeeks({ from: '2026-11-23', to: '2026-11-25' }, TODAY)).toEqual([]);
    // A week counts from the day after its Sunday: not on the Sunday itself.
    expect(statsWeeks({ from: '2026-11-16', to: '2026-11-22' }, '2026-11-22')).toEqual([]);
    expect(statsWeeks({ from: '2026-11-16', to: '2026-11-22' }, '2026-11-23')).toEqual(['2026-11-16']);
  });

  it('gives the whole week for a range inside one finished week, even a single day', () => {
    expect(statsWeeks({ from: '2026-11-10', to: '2026-11-12' }, TODAY)).toEqual(['2026-11-09']);
    expect(statsWeeks({ from: '2026-11-15', to: '2026-11-15' }, TODAY)).toEqual(['2026-11-09']);
  });

  it('crosses a year end', () => {
    expect(statsWeeks({ from: '2026-12-31', to: '2027-01-05' }, '2027-02-01')).toEqual(['2026-12-28', '2027-01-04']);
  });

  it(`gives at most ${MAX_STATS_WEEKS} weeks, from the first, and every week of any range a request may ask for`, () => {
    const long = statsWeeks({ from: '2020-01-01', to: '2026-11-01' }, TODAY);
    expect(long).toHaveLength(MAX_STATS_WEEKS);
    expect(long[0]).toBe('2019-12-30');
    expect(long.every((week, i) => i === 0 || week === addDays(long[i - 1]!, 7))).toBe(true);
    // The longest range allowed, starting on any day of the week, is never cut short.
    for (let shift = 0; shift < 7; shift++) {
      const from = addDays('2025-06-02', shift);
      const weeks = statsWeeks({ from, to: addDays(from, MAX_STATS_RANGE_DAYS - 1) }, TODAY);
      expect(weeks.length).toBeLessThan(MAX_STATS_WEEKS);
      expect(addDays(weeks.at(-1)!, 6) >= addDays(from, MAX_STATS_RANGE_DAYS - 1)).toBe(true);
    }
  });
});
