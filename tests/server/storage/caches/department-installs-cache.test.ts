import { describe, expect, it } from 'vitest';
import { countActiveInstalls } from '../../../../shared/src/domain/count-active-installs';
import { heldDepartmentInstalls } from '../../../../server/src/storage/caches/department-installs-cache';
import { installActivity, type ActivityRow } from '../../../../shared/src/domain/install-activity';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../../../shared/src/domain/set-day-bit';

function row(installId: string, department: string, days: string[]): ActivityRow {
  const bits = new Uint8Array(DAY_BITS_BYTES);
  for (const day of days) setDayBit(bits, dayOfYear(day));
  return { installId, department, role: department, year: Number(days[0]!.slice(0, 4)), days: bits };
}

describe('heldDepartmentInstalls', () => {
  it('counts a period once until one of its days is marked, then again', () => {
    const activity = installActivity([row('a', 'sales', ['2026-11-23']), row('b', 'legal', ['2026-11-24'])]);
    const first = heldDepartmentInstalls(activity, '2026-11-23', '2026-11-29');
    expect(first).toEqual(new Map([['sales', 1], ['legal', 1]]));
    expect(heldDepartmentInstalls(activity, '2026-11-23', '2026-11-29')).toBe(first);
    // A day outside the period leaves it as counted; a day in it, a new install, counts again.
    activity.mark(row('c', 'sales', ['2026-11-30']));
    expect(heldDepartmentInstalls(activity, '2026-11-23', '2026-11-29')).toBe(first);
    activity.mark(row('d', 'sales', ['2026-11-25']));
    const second = heldDepartmentInstalls(activity, '2026-11-23', '2026-11-29');
    expect(second).not.toBe(first);
    expect(second).toEqual(new Map([['sales', 2], ['legal', 1]]));
    // Another period is its own.
    expect(heldDepartmentInstalls(activity, '2026-11-30', '2026-11-30')).toEqual(new Map([['sales', 1]]));
  });

  it('is never stale: each new install in the period counts at once, and the same answer stays while the counts do', () => {
    const activity = installActivity([row('a', 'sales', ['2026-11-23'])]);
    const first = heldDepartmentInstalls(activity, '2026-11-30', '2026-12-02');
    expect(first).toEqual(new Map());
    for (let i = 1; i <= 5; i++) {
      activity.mark(row(`new-${i}`, 'sales', ['2026-12-02']));
      expect(heldDepartmentInstalls(activity, '2026-11-30', '2026-12-02')).toEqual(new Map([['sales', i]]));
    }
    const five = heldDepartmentInstalls(activity, '2026-11-30', '2026-12-02');
    // A counted install's other day in the period, or a new one outside it: the same answer.
    activity.mark(row('new-1', 'sales', ['2026-12-01']));
    activity.mark(row('old', 'legal', ['2026-11-02']));
    expect(heldDepartmentInstalls(activity, '2026-11-30', '2026-12-02')).toBe(five);
    expect(heldDepartmentInstalls(activity, '2026-11-30', '2026-12-02')).toEqual(countActiveInstalls(activity, '2026-11-30', '2026-12-02'));
  });

  it('keeps one activity’s periods apart from another’s', () => {
    const one = installActivity([row('a', 'sales', ['2026-11-23'])]);
    const other = installActivity([row('a', 'legal', ['2026-11-23'])]);
    expect(heldDepartmentInstalls(one, '2026-11-23', '2026-11-29')).toEqual(new Map([['sales', 1]]));
    expect(heldDepartmentInstalls(other, '2026-11-23', '2026-11-29')).toEqual(new Map([['legal', 1]]));
  });
});
