import { describe, expect, it } from 'vitest';
import { rangeProblem } from '../../../server/dashboard/src/range';
import { IsoDateSchema } from '../../../shared/src/schemas/common';
import { DAY_WINDOW_MESSAGE, isInDayWindow, MAX_DAY, MIN_DAY } from '../../../shared/src/schemas/day-window';
import { ScheduleQuerySchema } from '../../../shared/src/schemas/schedule';
import { StatsQuerySchema } from '../../../shared/src/schemas/stats';

const REFUSED = ['1999-12-31', '2101-01-01', '0000-01-01', '9999-12-31', '9999-12-27', '0001-01-01'];

describe('the day window (2000–2100)', () => {
  it('names its edges', () => {
    expect([MIN_DAY, MAX_DAY]).toEqual(['2000-01-01', '2100-12-31']);
    expect(DAY_WINDOW_MESSAGE).toBe('must be a day between 2000-01-01 and 2100-12-31');
    expect(isInDayWindow('2000-01-01') && isInDayWindow('2100-12-31') && isInDayWindow('2026-11-23')).toBe(true);
    expect(REFUSED.some(isInDayWindow)).toBe(false);
  });

  it('IsoDateSchema accepts the edges and refuses the days outside, saying which window', () => {
    expect(IsoDateSchema.parse('2000-01-01')).toBe('2000-01-01');
    expect(IsoDateSchema.parse('2100-12-31')).toBe('2100-12-31');
    for (const day of REFUSED) {
      const result = IsoDateSchema.safeParse(day);
      expect(result.success, day).toBe(false);
      expect(result.error!.issues.map((i) => i.message), day).toEqual([DAY_WINDOW_MESSAGE]);
    }
  });

  it('a malformed or unreal day gets one message, the format one', () => {
    for (const day of ['10000-01-01', '2026-1-1', '2026-02-30', 'garbage', '']) {
      expect(IsoDateSchema.safeParse(day).error!.issues.map((i) => i.message), day).toEqual(['must be a real date as YYYY-MM-DD']);
    }
  });

  it('range queries name the field outside the window', () => {
    const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error!.issues.map((i) => i.path.join('.'));
    expect(paths(StatsQuerySchema.safeParse({ from: '0000-01-01', to: '0000-01-31' }))).toEqual(['from', 'to']);
    expect(paths(StatsQuerySchema.safeParse({ from: '2100-12-20', to: '2101-01-01' }))).toEqual(['to']);
    expect(paths(StatsQuerySchema.safeParse({ from: '1999-12-31', to: '2000-01-10' }))).toEqual(['from']);
    expect(StatsQuerySchema.safeParse({ from: '2000-01-01', to: '2000-12-31' }).success).toBe(true);
    expect(paths(ScheduleQuerySchema.safeParse({ from: '9999-12-27', to: '9999-12-31' }))).toEqual(['from', 'to']);
  });
});

describe("the dashboard's custom period", () => {
  it('refuses years outside the window before asking the server', () => {
    expect(rangeProblem('0000-01-01', '0000-01-31')).toBe('Choose days between 2000-01-01 and 2100-12-31.');
    expect(rangeProblem('2026-01-01', '9999-12-31')).toBe('Choose days between 2000-01-01 and 2100-12-31.');
    expect(rangeProblem('1999-12-31', '2000-01-31')).toBe('Choose days between 2000-01-01 and 2100-12-31.');
    expect(rangeProblem('2000-01-01', '2000-01-31')).toBeUndefined();
    expect(rangeProblem('2026-02-10', '2026-02-01')).toBe('The start date must not be after the end date.');
    expect(rangeProblem('', '2026-02-01')).toBe('Choose both a start and an end date.');
  });
});
