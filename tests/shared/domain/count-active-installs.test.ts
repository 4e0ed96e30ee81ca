import { describe, expect, it } from 'vitest';
import { countActiveInstalls, countWeeklyInstalls } from '../../../shared/src/domain/count-active-installs';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../../shared/src/domain/set-day-bit';
import { installActivity, type ActivityRow } from '../../../shared/src/domain/install-activity';
import { weekStart } from '../../../shared/src/domain/local-day';
import { seededRandom } from '../../support/seeded-random';

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
    const counts = countActiveInstalls(installActivity(rows), { from: '2026-11-01', to: '2026-11-30' }, 2);
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
    expect(countActiveInstalls(installActivity(rows), { from: '2026-12-30', to: '2027-01-01' }, 1).totalInstalls).toBe(1);
    expect(countActiveInstalls(installActivity(rows), { from: '2026-12-30', to: '2027-01-05' }, 1).totalInstalls).toBe(2);
  });
});

describe('countWeeklyInstalls', () => {
  it('counts per whole week and folds small departments per week', () => {
    const rows = [
      row('a', 'sales', 'sales', ['2026-11-09', '2026-11-17']),
      row('b', 'sales', 'sales', ['2026-11-10']),
      row('c', 'legal', 'legal', ['2026-11-15']),
    ];
    const weekly = countWeeklyInstalls(installActivity(rows), { from: '2026-11-11', to: '2026-11-20' }, 2);
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

describe('countActiveInstalls and countWeeklyInstalls agree with counting sets of install ids', () => {
  const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  it.each([1, 2, 3, 4])('seed %i', (seed) => {
    const rand = seededRandom(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const departments = ['sales', 'legal', 'it', 'safety', 'finance'];
    const roles = ['sales', 'legal', 'it'];
    // Activity around a year boundary; some installs move department or role.
    const marks: { installId: string; department: string; role: string; day: string }[] = [];
    for (let i = 0; i < 60; i++) {
      let department = pick(departments);
      let role = pick(roles);
      for (let n = Math.floor(rand() * 12); n > 0; n--) {
        if (rand() < 0.15) department = pick(departments);
        if (rand() < 0.1) role = pick(roles);
        marks.push({ installId: `i${i}`, department, role, day: dayAfter('2026-11-15', Math.floor(rand() * 80)) });
      }
    }
    const rows = marks.map(({ installId, department, role, day }) => row(installId, department, role, [day]));
    const activity = installActivity(rows);
    const distinct = (list: typeof marks) => new Set(list.map((m) => m.installId)).size;
    for (let r = 0; r < 12; r++) {
      // Few departments folded, or most of them.
      const k = r % 2 === 0 ? 3 : 12;
      const from = dayAfter('2026-11-10', Math.floor(rand() * 70));
      const to = dayAfter(from, Math.floor(rand() * 30));
      const inRange = marks.filter((m) => m.day >= from && m.day <= to);
      const counts = countActiveInstalls(activity, { from, to }, k);
      const byDepartment = departments.map((department) => ({ department, installs: distinct(inRange.filter((m) => m.department === department)) }));
      expect(sortBy(counts.departmentInstalls, 'department')).toEqual(sortBy(byDepartment.filter((d) => d.installs > 0), 'department'));
      const byRole = departments.flatMap((department) =>
        roles.map((role) => ({ department, role, installs: distinct(inRange.filter((m) => m.department === department && m.role === role)) })),
      );
      expect(sortBy(counts.roleInstalls, 'department', 'role')).toEqual(sortBy(byRole.filter((d) => d.installs > 0), 'department', 'role'));
      expect(counts.totalInstalls).toBe(distinct(inRange));
      const folded = new Set(byDepartment.filter((d) => d.installs > 0 && d.installs < k).map((d) => d.department));
      const inOther = inRange.filter((m) => folded.has(m.department));
      expect(counts.otherInstalls).toBe(distinct(inOther));
      const otherByRole = roles.map((role) => ({ role, installs: distinct(inOther.filter((m) => m.role === role)) }));
      expect(sortBy(counts.otherRoleInstalls, 'role')).toEqual(sortBy(otherByRole.filter((d) => d.installs > 0), 'role'));

      const weekly = countWeeklyInstalls(activity, { from, to }, k);
      const expected: { week: string; department: string; installs: number }[] = [];
      const expectedOther: { week: string; installs: number }[] = [];
      for (let week = weekStart(from); week <= to; week = dayAfter(week, 7)) {
        const inWeek = marks.filter((m) => m.day >= week && m.day <= dayAfter(week, 6));
        const perDepartment = departments.map((department) => ({ week, department, installs: distinct(inWeek.filter((m) => m.department === department)) }));
        expected.push(...perDepartment.filter((d) => d.installs > 0));
        const weekFolded = new Set(perDepartment.filter((d) => d.installs > 0 && d.installs < k).map((d) => d.department));
        const other = distinct(inWeek.filter((m) => weekFolded.has(m.department)));
        if (other > 0) expectedOther.push({ week, installs: other });
      }
      expect(sortBy(weekly.weeklyInstalls, 'week', 'department')).toEqual(sortBy(expected, 'week', 'department'));
      expect(weekly.weeklyOtherInstalls).toEqual(expectedOther);
    }
  });
});

function sortBy<T extends Record<string, unknown>>(list: T[], ...keys: (keyof T)[]): T[] {
  return [...list].sort((a, b) => {
    for (const key of keys) {
      const order = String(a[key]).localeCompare(String(b[key]));
      if (order !== 0) return order;
    }
    return 0;
  });
}
