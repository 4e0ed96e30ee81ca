import { describe, expect, it } from 'vitest';
import { planWinnerDays } from '../../../shared/src/domain/plan-winner-days';

describe('planWinnerDays', () => {
  it('puts one winner a day from the announcement day', () => {
    expect(planWinnerDays(3, '2027-01-11', new Set())).toEqual(['2027-01-11', '2027-01-12', '2027-01-13']);
  });

  it('leaves the days a CX lead already filled, taking the next free ones (across a month and a year)', () => {
    expect(planWinnerDays(3, '2026-12-30', new Set(['2026-12-30', '2027-01-01']))).toEqual(['2026-12-31', '2027-01-02', '2027-01-03']);
  });

  it('answers nothing for no winner, and null once the horizon is full', () => {
    expect(planWinnerDays(0, '2027-01-11', new Set())).toEqual([]);
    expect(planWinnerDays(3, '2027-01-11', new Set(['2027-01-12']), 3)).toEqual(['2027-01-11', '2027-01-13', null]);
  });
});
