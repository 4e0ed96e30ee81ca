import { describe, expect, it } from 'vitest';
import { countActiveInstalls } from '../../../shared/src/domain/count-active-installs';
import { installActivity, type ActivityRow } from '../../../shared/src/domain/install-activity';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../../shared/src/domain/set-day-bit';

function row(installId: string, department: string, role: string, days: string[]): ActivityRow {
  const bits = new Uint8Array(DAY_BITS_BYTES);
  for (const day of days) setDayBit(bits, dayOfYear(day));
  return { installId, department, role, year: Number(days[0]!.slice(0, 4)), days: bits };
}

describe('countActiveInstalls', () => {
  it('counts distinct installs per department with a day in the window, and no department without', () => {
    const activity = installActivity([
      row('a', 'sales', 'sales', ['2026-11-23']),
      row('b', 'sales', 'sales', ['2026-11-25']),
      row('c', 'sales', 'sales', ['2026-11-30']),
      row('d', 'legal', 'legal', ['2026-11-01']),
    ]);
    expect(countActiveInstalls(activity, '2026-11-23', '2026-11-29')).toEqual(new Map([['sales', 2]]));
    expect(countActiveInstalls(activity, '2026-11-01', '2026-11-30')).toEqual(new Map([['sales', 3], ['legal', 1]]));
    expect(countActiveInstalls(activity, '2026-12-01', '2026-12-31')).toEqual(new Map());
  });

  it('an install with several roles in a department counts once there', () => {
    const activity = installActivity([row('a', 'sales', 'sales', ['2026-11-23']), row('a', 'sales', 'manager', ['2026-11-24'])]);
    expect(countActiveInstalls(activity, '2026-11-23', '2026-11-29')).toEqual(new Map([['sales', 1]]));
  });

  it('an install active in two departments counts in each (active in that department in those days)', () => {
    const activity = installActivity([row('a', 'sales', 'sales', ['2026-11-23']), row('a', 'legal', 'legal', ['2026-11-26']), row('b', 'legal', 'legal', ['2026-11-26'])]);
    expect(countActiveInstalls(activity, '2026-11-23', '2026-11-29')).toEqual(new Map([['sales', 1], ['legal', 2]]));
    // Only the days asked for: before the move, sales alone.
    expect(countActiveInstalls(activity, '2026-11-23', '2026-11-25')).toEqual(new Map([['sales', 1]]));
  });

  it('reaches across a year end', () => {
    const activity = installActivity([row('a', 'sales', 'sales', ['2026-12-31']), row('b', 'sales', 'sales', ['2027-01-01'])]);
    expect(countActiveInstalls(activity, '2026-12-28', '2027-01-03')).toEqual(new Map([['sales', 2]]));
  });
});
