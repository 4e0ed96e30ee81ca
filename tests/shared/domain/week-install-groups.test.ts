import { describe, expect, it } from 'vitest';
import { installActivity, type ActivityRow } from '../../../shared/src/domain/install-activity';
import { addDays } from '../../../shared/src/domain/local-day';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../../shared/src/domain/set-day-bit';
import { weekInstallGroups } from '../../../shared/src/domain/week-install-groups';
import { seededRandom } from '../../support/seeded-random';

/** Stored rows for an install's days in one department and role (one row per year). */
function rows(installId: string, department: string, role: string, days: string[]): ActivityRow[] {
  const byYear = new Map<number, Uint8Array>();
  for (const day of days) {
    const year = Number(day.slice(0, 4));
    if (!byYear.has(year)) byYear.set(year, new Uint8Array(DAY_BITS_BYTES));
    setDayBit(byYear.get(year)!, dayOfYear(day));
  }
  return [...byYear].map(([year, bits]) => ({ installId, department, role, year, days: bits }));
}

const WEEK = '2026-11-09'; // Monday; its Sunday is 11-15.

describe('weekInstallGroups', () => {
  const activity = installActivity([
    // a moves from sales to legal inside the week: once in each department, once in all.
    ...rows('a', 'sales', 'sales', ['2026-11-10']),
    ...rows('a', 'legal', 'legal', ['2026-11-11']),
    // b changes role inside sales: once in sales, once under each role.
    ...rows('b', 'sales', 'sales', ['2026-11-12']),
    ...rows('b', 'sales', 'finance', ['2026-11-13']),
    // c is active the Sunday before and the Monday after: not this week.
    ...rows('c', 'sales', 'sales', ['2026-11-08', '2026-11-16']),
    // d on the Sunday, e on the Monday: the edges of the week.
    ...rows('d', 'legal', 'legal', ['2026-11-15']),
    ...rows('e', 'it', 'it', ['2026-11-09']),
    // f moved department weeks ago: only its legal days fall in this week.
    ...rows('f', 'sales', 'sales', ['2026-11-02']),
    ...rows('f', 'legal', 'legal', ['2026-11-13']),
  ]);
  const groups = weekInstallGroups(activity, WEEK);

  it('counts distinct installs in all, and per department, an install that moved once in each', () => {
    expect(groups.installs).toBe(5);
    expect(Object.fromEntries(groups.departments.sizes)).toEqual({ sales: 2, legal: 3, it: 1 });
  });

  it('gives the distinct installs across any set of departments, a mover counted once', () => {
    const { unionSize } = groups.departments;
    expect(unionSize(['sales', 'legal'])).toBe(4);
    expect(unionSize(['sales', 'legal', 'it'])).toBe(5);
    expect(unionSize(['it'])).toBe(1);
    expect(unionSize([])).toBe(0);
    expect(unionSize(['nobody', 'it'])).toBe(1);
  });

  it('counts the roles within a department, and across any set of them', () => {
    const sales = groups.within('sales');
    expect(Object.fromEntries(sales.sizes)).toEqual({ sales: 2, finance: 1 });
    expect(sales.unionSize(['sales', 'finance'])).toBe(2);
    expect(sales.unionSize(['finance'])).toBe(1);
    // Legal's role "legal" holds a, d and f: the same role name in sales is another cell.
    expect(Object.fromEntries(groups.within('legal').sizes)).toEqual({ legal: 3 });
    expect(groups.within('legal').unionSize(['sales', 'finance'])).toBe(0);
    expect(groups.within('nowhere').sizes.size).toBe(0);
    expect(groups.within('nowhere').unionSize(['sales'])).toBe(0);
  });

  it('leaves out departments and roles with nobody active that week', () => {
    const next = weekInstallGroups(activity, '2026-11-16');
    expect(next.installs).toBe(1);
    expect(Object.fromEntries(next.departments.sizes)).toEqual({ sales: 1 });
    expect(Object.fromEntries(next.within('sales').sizes)).toEqual({ sales: 1 });
  });

  it('counts a week that spans two years from both years’ rows, an install in both once', () => {
    const turn = installActivity([...rows('x', 'sales', 'sales', ['2026-12-29', '2027-01-02']), ...rows('y', 'sales', 'sales', ['2027-01-03'])]);
    const week = weekInstallGroups(turn, '2026-12-28');
    expect(week.installs).toBe(2);
    expect(Object.fromEntries(week.departments.sizes)).toEqual({ sales: 2 });
  });

  it('agrees with counting sets of install ids, for a random company with movers', () => {
    const rand = seededRandom(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const departments = ['sales', 'legal', 'it', 'hr'];
    const roles = ['sales', 'legal', 'support'];
    const days = Array.from({ length: 35 }, (_, i) => addDays('2026-11-02', i));
    const marks: { installId: string; department: string; role: string; day: string }[] = [];
    for (let i = 0; i < 400; i++) marks.push({ installId: `i${Math.floor(rand() * 60)}`, department: pick(departments), role: pick(roles), day: pick(days) });
    const activity = installActivity(marks.flatMap((m) => rows(m.installId, m.department, m.role, [m.day])));
    for (const week of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']) {
      const inWeek = marks.filter((m) => m.day >= week && m.day <= addDays(week, 6));
      const distinct = (keep: (m: (typeof marks)[number]) => boolean) => new Set(inWeek.filter(keep).map((m) => m.installId)).size;
      const groups = weekInstallGroups(activity, week);
      expect(groups.installs, week).toBe(distinct(() => true));
      for (const department of departments) {
        expect(groups.departments.sizes.get(department) ?? 0, `${week} ${department}`).toBe(distinct((m) => m.department === department));
        for (const role of roles) {
          expect(groups.within(department).sizes.get(role) ?? 0).toBe(distinct((m) => m.department === department && m.role === role));
        }
        expect(groups.within(department).unionSize(['sales', 'support'])).toBe(distinct((m) => m.department === department && m.role !== 'legal'));
      }
      expect(groups.departments.unionSize(['sales', 'hr'])).toBe(distinct((m) => m.department === 'sales' || m.department === 'hr'));
    }
  });
});
