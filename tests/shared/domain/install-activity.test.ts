import { describe, expect, it } from 'vitest';
import { DAY_BITS_BYTES, dayOfYear, setDayBit } from '../../../shared/src/domain/set-day-bit';
import { installActivity, type ActivityRow } from '../../../shared/src/domain/install-activity';

function row(installId: string, department: string, role: string, days: string[]): ActivityRow {
  const bits = new Uint8Array(DAY_BITS_BYTES);
  for (const day of days) setDayBit(bits, dayOfYear(day));
  return { installId, department, role, year: Number(days[0]!.slice(0, 4)), days: bits };
}

describe('InstallActivity', () => {
  it('has a row per install, department and role, its years side by side', () => {
    const activity = installActivity([
      row('a', 'sales', 'sales', ['2026-12-31']),
      row('a', 'sales', 'sales', ['2027-01-01']),
      row('b', 'legal', 'legal', ['2027-01-02']),
    ]);
    expect(activity.rowCount).toBe(2);
    expect([...activity.activeRows('2026-12-31', '2026-12-31')]).toEqual([1, 0]);
    expect([...activity.activeRows('2027-01-01', '2027-01-01')]).toEqual([1, 0]);
    expect([...activity.activeRows('2026-12-30', '2027-01-05')]).toEqual([1, 1]);
    expect([...activity.activeRows('2027-01-03', '2027-12-31')]).toEqual([0, 0]);
    expect(activity.movedInstalls).toEqual([]);
  });

  it('tests every day of a window, across word boundaries, and no day outside it', () => {
    // Days 30 to 33 and 364, 365 of 2028 (a leap year): either side of the 32-day words.
    const days = ['2028-01-31', '2028-02-01', '2028-02-02', '2028-02-03', '2028-12-30', '2028-12-31'];
    const activity = installActivity(days.map((day) => row(day, 'sales', 'sales', [day])));
    for (const [i, day] of days.entries()) {
      expect([...activity.activeRows(day, day)], day).toEqual(days.map((_, j) => (j === i ? 1 : 0)));
    }
    expect([...activity.activeRows('2028-01-01', '2028-12-31')]).toEqual(days.map(() => 1));
    expect([...activity.activeRows('2028-02-04', '2028-12-29')]).toEqual(days.map(() => 0));
  });

  it('marks installs with several rows, and gives the stored rows back', () => {
    const rows = [row('a', 'sales', 'sales', ['2026-11-02']), row('b', 'sales', 'sales', ['2026-11-02']), row('a', 'it', 'it', ['2026-11-03'])];
    const activity = installActivity();
    // More rows than it first has room for.
    for (let i = 0; i < 3000; i++) activity.mark(row(`x${i}`, 'it', 'it', ['2026-11-04']));
    for (const r of rows) activity.mark(r);
    expect(activity.movedInstalls.map((rs) => rs.map((r) => activity.rowMoved[r]))).toEqual([[1, 1]]);
    expect(activity.movedInstalls.map((rs) => rs.map((r) => activity.installRowsOf(r)))).toEqual([[activity.movedInstalls[0], activity.movedInstalls[0]]]);
    expect(activity.rows().filter((r) => !r.installId.startsWith('x'))).toEqual(expect.arrayContaining(rows));
    expect(activity.rows()).toHaveLength(3003);
  });

  it('replaces a row read again: its days become the stored ones, other years and rows untouched', () => {
    const activity = installActivity([row('a', 'sales', 'sales', ['2026-11-02']), row('a', 'sales', 'sales', ['2025-03-01']), row('b', 'sales', 'sales', ['2026-11-02'])]);
    activity.replace(row('a', 'sales', 'sales', ['2026-11-03', '2026-11-04']));
    activity.replace(row('c', 'it', 'it', ['2026-11-05'])); // not held yet
    const held = (installId: string, year: number) => activity.rows().find((r) => r.installId === installId && r.year === year)?.days;
    expect(held('a', 2026)).toEqual(row('a', 'sales', 'sales', ['2026-11-03', '2026-11-04']).days);
    expect(held('a', 2025)).toEqual(row('a', 'sales', 'sales', ['2025-03-01']).days);
    expect(held('b', 2026)).toEqual(row('b', 'sales', 'sales', ['2026-11-02']).days);
    expect(held('c', 2026)).toEqual(row('c', 'it', 'it', ['2026-11-05']).days);
    expect([...activity.activeRows('2026-11-02', '2026-11-02')]).toEqual([0, 1, 0]);
  });

  it('tells when the days of a window last changed: marked or unmarked on any row, and nothing else', () => {
    const activity = installActivity([row('a', 'sales', 'sales', ['2026-11-10']), row('b', 'it', 'it', ['2026-11-17'])]);
    const week = () => activity.lastChange('2026-11-09', '2026-11-15');
    const before = week();
    expect(before).toBeGreaterThan(0);
    // The same days again, days of other weeks and years, a new row without the week's days: the week is as it was.
    activity.mark(row('a', 'sales', 'sales', ['2026-11-10']));
    activity.mark(row('a', 'sales', 'sales', ['2026-11-16', '2026-11-30']));
    activity.mark(row('c', 'legal', 'legal', ['2026-11-18']));
    activity.mark(row('a', 'sales', 'sales', ['2025-11-12']));
    activity.replace(row('b', 'it', 'it', ['2026-11-17', '2026-11-19']));
    expect(week()).toBe(before);
    expect(activity.lastChange('2026-11-16', '2026-11-22')).toBeGreaterThan(before);
    // A day of the week marked on another row, or unmarked by a row read again: changed.
    activity.mark(row('d', 'it', 'it', ['2026-11-15']));
    const marked = week();
    expect(marked).toBeGreaterThan(before);
    activity.replace(row('a', 'sales', 'sales', ['2026-11-16', '2026-11-30']));
    expect(week()).toBeGreaterThan(marked);
    // A window across the new year takes both years' days.
    const turn = installActivity([row('e', 'it', 'it', ['2026-12-31'])]);
    const span = turn.lastChange('2026-12-28', '2027-01-03');
    turn.mark(row('e', 'it', 'it', ['2027-01-02']));
    expect(turn.lastChange('2026-12-28', '2027-01-03')).toBeGreaterThan(span);
    expect(turn.lastChange('2026-12-21', '2026-12-27')).toBe(0);
  });

  it('numbers each change and remembers the row it changed; a row with nothing new is no change', () => {
    const activity = installActivity([row('a', 'sales', 'sales', ['2026-11-23'])]);
    const start = activity.changeNumber;
    expect(activity.changedRowsSince(start)).toEqual([]);
    activity.mark(row('b', 'legal', 'legal', ['2026-11-24']));
    activity.mark(row('a', 'sales', 'sales', ['2026-11-23']));
    activity.mark(row('a', 'sales', 'sales', ['2026-11-25']));
    activity.replace(row('b', 'legal', 'legal', ['2026-11-26']));
    activity.replace(row('b', 'legal', 'legal', ['2026-11-26']));
    expect(activity.changeNumber).toBe(start + 3);
    expect(activity.changedRowsSince(start)).toEqual([1, 0, 1]);
    expect(activity.changedRowsSince(start + 2)).toEqual([1]);
    expect(activity.changedRowsSince(activity.changeNumber)).toEqual([]);
  });

  it('forgets the rows of old changes, and says so rather than answering part of them', () => {
    const activity = installActivity();
    for (let i = 0; i < 140_000; i++) activity.mark(row(`i${i}`, 'sales', 'sales', ['2026-11-23']));
    expect(activity.changeNumber).toBe(140_000);
    expect(activity.changedRowsSince(0)).toBeUndefined();
    expect(activity.changedRowsSince(140_000 - 65_536)).toHaveLength(65_536);
    expect(activity.changedRowsSince(139_998)).toEqual([139_998, 139_999]);
  });

  it('tells whether one row is active in a window, and gives an install’s rows', () => {
    const activity = installActivity([
      row('a', 'sales', 'sales', ['2026-12-31']),
      row('b', 'legal', 'legal', ['2026-11-02']),
      row('b', 'it', 'it', ['2027-01-02']),
    ]);
    expect(activity.rowActive(0, '2026-12-28', '2027-01-03')).toBe(true);
    expect(activity.rowActive(0, '2027-01-01', '2027-01-03')).toBe(false);
    expect(activity.rowActive(2, '2026-12-28', '2027-01-03')).toBe(true);
    expect(activity.rowActive(1, '2026-11-03', '2026-12-31')).toBe(false);
    expect(activity.installRowsOf(0)).toEqual([0]);
    expect(activity.installRowsOf(1)).toEqual([1, 2]);
    expect(activity.installRowsOf(2)).toEqual([1, 2]);
    activity.mark(row('c', 'it', 'it', ['2027-01-02']));
    activity.mark(row('c', 'it', 'manager', ['2027-01-02']));
    activity.mark(row('b', 'sales', 'sales', ['2027-01-02']));
    expect(activity.installRowsOf(3)).toEqual([3, 4]);
    expect(activity.installRowsOf(5)).toEqual([1, 2, 5]);
    expect(activity.installRowsOf(1)).toEqual([1, 2, 5]);
    expect([1, 2, 3, 4, 5].map((r) => activity.rowMoved[r])).toEqual([1, 1, 2, 2, 1]);
  });
});
