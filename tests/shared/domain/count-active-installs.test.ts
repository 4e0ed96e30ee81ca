import { describe, expect, it } from 'vitest';
import {
  activeInstallsByDepartment,
  countActiveInstalls,
  tallyActiveInstalls,
  updateActiveInstalls,
} from '../../../shared/src/domain/count-active-installs';
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

describe('updateActiveInstalls', () => {
  it('brings a tally up to date with the rows changed since, as counting again would', () => {
    const activity = installActivity([row('a', 'sales', 'sales', ['2026-11-23']), row('b', 'legal', 'legal', ['2026-11-01'])]);
    const tally = tallyActiveInstalls(activity, '2026-11-23', '2026-11-29');
    expect(activeInstallsByDepartment(activity, tally)).toEqual(new Map([['sales', 1]]));
    expect(updateActiveInstalls(activity, tally)).toBe(false);
    // A day outside the period: noted, nothing counted.
    activity.mark(row('c', 'sales', 'sales', ['2026-11-30']));
    expect(updateActiveInstalls(activity, tally)).toBe(false);
    expect(tally.change).toBe(activity.changeNumber);
    // A new install in it, an old one coming back, a new department.
    activity.mark(row('d', 'sales', 'sales', ['2026-11-24']));
    activity.mark(row('b', 'legal', 'legal', ['2026-11-25']));
    activity.mark(row('e', 'it', 'it', ['2026-11-29']));
    expect(updateActiveInstalls(activity, tally)).toBe(true);
    expect(activeInstallsByDepartment(activity, tally)).toEqual(new Map([['sales', 2], ['legal', 1], ['it', 1]]));
    // Another day of an install already counted: no change.
    activity.mark(row('d', 'sales', 'sales', ['2026-11-26']));
    expect(updateActiveInstalls(activity, tally)).toBe(false);
  });

  it('counts an install once per department as it gains roles and departments, and a row read again with fewer days', () => {
    const activity = installActivity([row('a', 'sales', 'sales', ['2026-11-23'])]);
    const tally = tallyActiveInstalls(activity, '2026-11-23', '2026-11-29');
    activity.mark(row('a', 'sales', 'manager', ['2026-11-24']));
    expect(updateActiveInstalls(activity, tally)).toBe(false);
    activity.mark(row('a', 'legal', 'legal', ['2026-11-25']));
    expect(updateActiveInstalls(activity, tally)).toBe(true);
    expect(activeInstallsByDepartment(activity, tally)).toEqual(new Map([['sales', 1], ['legal', 1]]));
    // Read again without its days in the period (the stored row is what counts): the sales role row alone still counts.
    activity.replace(row('a', 'sales', 'sales', ['2026-11-02']));
    expect(updateActiveInstalls(activity, tally)).toBe(false);
    activity.replace(row('a', 'sales', 'manager', ['2026-11-02']));
    expect(updateActiveInstalls(activity, tally)).toBe(true);
    expect(activeInstallsByDepartment(activity, tally)).toEqual(new Map([['legal', 1]]));
  });

  it('agrees with counting again after any mix of changes, across a year end', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const days = ['2026-12-26', '2026-12-28', '2026-12-31', '2027-01-01', '2027-01-03', '2027-01-05'];
    const departments = ['sales', 'legal', 'it'];
    const roles = ['staff', 'manager'];
    const activity = installActivity();
    const from = '2026-12-28';
    const to = '2027-01-03';
    const tally = tallyActiveInstalls(activity, from, to);
    for (let step = 0; step < 400; step++) {
      const department = departments[random(3)]!;
      const changed = row(`i${random(40)}`, department, roles[random(2)]!, [days[random(days.length)]!]);
      if (random(5) === 0) activity.replace(changed);
      else activity.mark(changed);
      if (random(3) === 0) {
        updateActiveInstalls(activity, tally);
        expect(activeInstallsByDepartment(activity, tally)).toEqual(countActiveInstalls(activity, from, to));
      }
    }
    updateActiveInstalls(activity, tally);
    expect(activeInstallsByDepartment(activity, tally)).toEqual(countActiveInstalls(activity, from, to));
  });

  it('counts again, whole, when the changes since are no longer all remembered', () => {
    const activity = installActivity([row('a', 'sales', 'sales', ['2026-11-23'])]);
    const tally = tallyActiveInstalls(activity, '2026-11-23', '2026-11-29');
    for (let i = 0; i < 140_000; i++) activity.mark(row(`i${i}`, i % 2 ? 'sales' : 'legal', 'sales', ['2026-11-24']));
    expect(activity.changedRowsSince(tally.change)).toBeUndefined();
    expect(updateActiveInstalls(activity, tally)).toBe(true);
    expect(activeInstallsByDepartment(activity, tally)).toEqual(new Map([['sales', 70_001], ['legal', 70_000]]));
  });
});
