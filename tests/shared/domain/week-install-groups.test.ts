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

/** The row an install counts in for a week: the one it was active in last, ties to the smaller "department\0role". */
const lastRow = <M extends { department: string; role: string; day: string }>(marks: readonly M[]): M =>
  marks.reduce((best, m) => (m.day > best.day || (m.day === best.day && `${m.department}\u0000${m.role}` < `${best.department}\u0000${best.role}`) ? m : best));

describe('weekInstallGroups', () => {
  const activity = installActivity([
    // a moves from sales to legal inside the week: counted in legal only, where it was last.
    ...rows('a', 'sales', 'sales', ['2026-11-10']),
    ...rows('a', 'legal', 'legal', ['2026-11-11']),
    // b changes role inside sales: counted in sales under finance only, its last role.
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

  it('counts distinct installs in all, and each install in one department only, the one it was active in last', () => {
    expect(groups.installs).toBe(5);
    expect(Object.fromEntries(groups.departments.sizes)).toEqual({ sales: 1, legal: 3, it: 1 });
    // The departments add up to the total: no difference of them counts a mover.
    expect([...groups.departments.sizes.values()].reduce((a, b) => a + b, 0)).toBe(groups.installs);
  });

  it('gives the distinct installs across any set of departments, equal to the sum of their sizes', () => {
    const { unionSize } = groups.departments;
    expect(unionSize(['sales', 'legal'])).toBe(4);
    expect(unionSize(['sales', 'legal', 'it'])).toBe(5);
    expect(unionSize(['sales'])).toBe(1);
    expect(unionSize(['it'])).toBe(1);
    expect(unionSize([])).toBe(0);
    expect(unionSize(['nobody', 'it'])).toBe(1);
  });

  it('counts the roles within a department, an install under its last role only, and across any set of them', () => {
    const sales = groups.within('sales');
    // b was sales on Thursday and finance on Friday: finance. a left sales for legal: not here.
    expect(Object.fromEntries(sales.sizes)).toEqual({ finance: 1 });
    expect(sales.unionSize(['sales', 'finance'])).toBe(1);
    expect(sales.unionSize(['finance'])).toBe(1);
    expect(sales.unionSize(['sales'])).toBe(0);
    // Legal's role "legal" holds a, d and f: the same role name in sales is another cell.
    expect(Object.fromEntries(groups.within('legal').sizes)).toEqual({ legal: 3 });
    expect(groups.within('legal').unionSize(['sales', 'finance'])).toBe(0);
    expect(groups.within('nowhere').sizes.size).toBe(0);
    expect(groups.within('nowhere').unionSize(['sales'])).toBe(0);
  });

  it('with onePerInstall false (surfaces, actions), counts an install in every cell it used, once in any union', () => {
    const cells = weekInstallGroups(activity, WEEK, { onePerInstall: false });
    expect(cells.installs).toBe(5);
    expect(Object.fromEntries(cells.departments.sizes)).toEqual({ sales: 2, legal: 3, it: 1 });
    expect(cells.departments.unionSize(['sales', 'legal'])).toBe(4);
    expect(cells.departments.unionSize(['sales', 'legal', 'it'])).toBe(5);
    const sales = cells.within('sales');
    expect(Object.fromEntries(sales.sizes)).toEqual({ sales: 2, finance: 1 });
    expect(sales.unionSize(['sales', 'finance'])).toBe(2);
    expect(sales.unionSize(['finance'])).toBe(1);
  });

  it('answers from what it saw: rows the activity takes later (a move, a new role) change none of its figures', () => {
    const later = installActivity([...rows('a', 'sales', 'sales', ['2026-11-10']), ...rows('b', 'sales', 'sales', ['2026-11-10'])]);
    const before = weekInstallGroups(later, WEEK);
    for (const r of [...rows('a', 'legal', 'legal', ['2026-11-11']), ...rows('c', 'it', 'zz-new-role', ['2026-11-11']), ...rows('d', 'sales', 'aa-new-role', ['2026-11-11'])]) later.mark(r);
    expect(before.departments.unionSize(['sales'])).toBe(2);
    expect(before.departments.unionSize(['sales', 'legal', 'it'])).toBe(2);
    expect(Object.fromEntries(before.within('sales').sizes)).toEqual({ sales: 2 });
    expect(before.within('sales').unionSize(['sales', 'aa-new-role'])).toBe(2);
    // Asked again, the week has them.
    const after = weekInstallGroups(later, WEEK);
    expect(after.departments.unionSize(['sales'])).toBe(2); // b, and d under its new role; a moved to legal
    expect(Object.fromEntries(after.within('sales').sizes)).toEqual({ sales: 1, 'aa-new-role': 1 });
  });

  it('breaks a tie on the same last day by the smaller "department\\0role", the department first', () => {
    const tie = installActivity([
      // Both rows on Friday: legal < sales.
      ...rows('g', 'sales', 'sales', ['2026-11-13']),
      ...rows('g', 'legal', 'support', ['2026-11-13']),
      // "a\0z" < "ab\0a": the department decides, not the two names run together ("az" > "aba").
      ...rows('h', 'ab', 'a', ['2026-11-12']),
      ...rows('h', 'a', 'z', ['2026-11-12']),
      // Same department, same day: the smaller role.
      ...rows('i', 'sales', 'support', ['2026-11-10']),
      ...rows('i', 'sales', 'finance', ['2026-11-10']),
      // A later day wins over a smaller name.
      ...rows('j', 'ab', 'a', ['2026-11-09', '2026-11-14']),
      ...rows('j', 'a', 'a', ['2026-11-13']),
    ]);
    const week = weekInstallGroups(tie, WEEK);
    expect(week.installs).toBe(4);
    expect(Object.fromEntries(week.departments.sizes)).toEqual({ legal: 1, a: 1, sales: 1, ab: 1 });
    expect(Object.fromEntries(week.within('legal').sizes)).toEqual({ support: 1 });
    expect(Object.fromEntries(week.within('a').sizes)).toEqual({ z: 1 });
    expect(Object.fromEntries(week.within('sales').sizes)).toEqual({ finance: 1 });
    expect(Object.fromEntries(week.within('ab').sizes)).toEqual({ a: 1 });
    // The same rows in any order give the same answer.
    const reversed = weekInstallGroups(installActivity([...tie.rows()].reverse()), WEEK);
    expect(Object.fromEntries(reversed.departments.sizes)).toEqual(Object.fromEntries(week.departments.sizes));
  });

  it('takes the last day across the turn of the year (1 January after 31 December)', () => {
    const turn = installActivity([...rows('x', 'sales', 'sales', ['2026-12-31']), ...rows('x', 'it', 'it', ['2027-01-01'])]);
    const week = weekInstallGroups(turn, '2026-12-28');
    expect(Object.fromEntries(week.departments.sizes)).toEqual({ it: 1 });
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

  it('agrees with counting sets of install ids, for a random company with movers, in both modes', () => {
    const rand = seededRandom(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const departments = ['sales', 'legal', 'it', 'hr'];
    const roles = ['sales', 'legal', 'support'];
    const days = Array.from({ length: 35 }, (_, i) => addDays('2026-11-02', i));
    type Mark = { installId: string; department: string; role: string; day: string };
    const marks: Mark[] = [];
    for (let i = 0; i < 400; i++) marks.push({ installId: `i${Math.floor(rand() * 60)}`, department: pick(departments), role: pick(roles), day: pick(days) });
    const activity = installActivity(marks.flatMap((m) => rows(m.installId, m.department, m.role, [m.day])));
    let movers = 0;
    for (const week of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']) {
      const inWeek = marks.filter((m) => m.day >= week && m.day <= addDays(week, 6));
      // Every cell used (surfaces, actions), and the one cell each install counts in (departments, roles).
      const byInstall = new Map<string, Mark[]>();
      for (const m of inWeek) byInstall.set(m.installId, [...(byInstall.get(m.installId) ?? []), m]);
      const last = [...byInstall.values()].map(lastRow);
      movers += [...byInstall.values()].filter((ms) => new Set(ms.map((m) => `${m.department}/${m.role}`)).size > 1).length;
      for (const [mode, source] of [
        [{ onePerInstall: true }, last],
        [{ onePerInstall: false }, inWeek],
      ] as const) {
        const distinct = (keep: (m: Mark) => boolean) => new Set(source.filter(keep).map((m) => m.installId)).size;
        const groups = weekInstallGroups(activity, week, mode);
        const label = `${week} onePerInstall=${mode.onePerInstall}`;
        expect(groups.installs, label).toBe(distinct(() => true));
        for (const department of departments) {
          expect(groups.departments.sizes.get(department) ?? 0, `${label} ${department}`).toBe(distinct((m) => m.department === department));
          for (const role of roles) {
            expect(groups.within(department).sizes.get(role) ?? 0, `${label} ${department} ${role}`).toBe(distinct((m) => m.department === department && m.role === role));
          }
          expect(groups.within(department).unionSize(['sales', 'support'])).toBe(distinct((m) => m.department === department && m.role !== 'legal'));
        }
        expect(groups.departments.unionSize(['sales', 'hr'])).toBe(distinct((m) => m.department === 'sales' || m.department === 'hr'));
        if (mode.onePerInstall) {
          const sum = [...groups.departments.sizes.values()].reduce((a, b) => a + b, 0);
          expect(sum, `${label}: departments add up to the total`).toBe(groups.installs);
        }
      }
    }
    // The random company does have installs with several rows in a week.
    expect(movers).toBeGreaterThan(10);
  });
});
