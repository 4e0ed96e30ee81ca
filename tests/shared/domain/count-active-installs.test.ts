import { describe, expect, it } from 'vitest';
import { countActiveInstalls, countWeeklyInstalls, groupByInstall, type ActivityRow } from '../../../shared/src/domain/count-active-installs';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../../shared/src/domain/has-day-between';

function row(installId: string, department: string, role: string, days: string[]): ActivityRow {
  const bits = new Uint8Array(DAY_BITS_BYTES);
  for (const day of days) setDayBit(bits, dayOfYear(day));
  return { installId, department, role, year: Number(days[0]!.slice(0, 4)), days: bits };
}

describe('countActiveInstalls', () => {
  it('counts each install once per group, only when active in the range', () => {
    const rows = [
      row('a', 'sales', 'sales', ['2026-11-02']),
      row('a', 'sales', 'finance', ['2026-11-03']), // same install, second role
      row('b', 'sales', 'sales', ['2026-10-01']), // before the range
      row('c', 'legal', 'legal', ['2026-11-10']),
      row('c', 'it', 'it', ['2026-11-11']), // moved department
    ];
    const counts = countActiveInstalls(groupByInstall(rows), { from: '2026-11-01', to: '2026-11-30' }, 2);
    expect(counts.departmentInstalls).toEqual([
      { department: 'sales', installs: 1 },
      { department: 'legal', installs: 1 },
      { department: 'it', installs: 1 },
    ]);
    expect(counts.totalInstalls).toBe(2);
    // Every department is below 2; install c in legal and IT counts once in Other.
    expect(counts.otherInstalls).toBe(2);
  });

  it('spans a year boundary', () => {
    const rows = [row('a', 'sales', 'sales', ['2026-12-31']), row('a', 'sales', 'sales', ['2027-01-01']), row('b', 'sales', 'sales', ['2027-01-02'])];
    expect(countActiveInstalls(groupByInstall(rows), { from: '2026-12-30', to: '2027-01-01' }, 1).totalInstalls).toBe(1);
    expect(countActiveInstalls(groupByInstall(rows), { from: '2026-12-30', to: '2027-01-05' }, 1).totalInstalls).toBe(2);
  });
});

describe('countWeeklyInstalls', () => {
  it('counts per whole week and folds small departments per week', () => {
    const rows = [
      row('a', 'sales', 'sales', ['2026-11-09', '2026-11-17']),
      row('b', 'sales', 'sales', ['2026-11-10']),
      row('c', 'legal', 'legal', ['2026-11-15']),
    ];
    const weekly = countWeeklyInstalls(groupByInstall(rows), { from: '2026-11-11', to: '2026-11-20' }, 2);
    expect(weekly.weeklyInstalls).toEqual([
      { week: '2026-11-09', department: 'sales', installs: 2 },
      { week: '2026-11-09', department: 'legal', installs: 1 },
      { week: '2026-11-16', department: 'sales', installs: 1 },
    ]);
    expect(weekly.weeklyOtherInstalls).toEqual([
      { week: '2026-11-09', installs: 1 },
      { week: '2026-11-16', installs: 1 },
    ]);
  });
});
