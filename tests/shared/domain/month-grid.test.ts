import { describe, expect, it } from 'vitest';
import { addMonths, monthGrid } from '../../../shared/src/domain/month-grid';

describe('monthGrid', () => {
  it('lays a month out in whole Monday-to-Sunday weeks', () => {
    // November 2026 starts on a Sunday and ends on a Monday.
    const weeks = monthGrid('2026-11');
    expect(weeks).toHaveLength(6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]![0]).toEqual({ day: '2026-10-26', inMonth: false });
    expect(weeks[0]![6]).toEqual({ day: '2026-11-01', inMonth: true });
    expect(weeks[5]![0]).toEqual({ day: '2026-11-30', inMonth: true });
    expect(weeks[5]![6]).toEqual({ day: '2026-12-06', inMonth: false });
  });

  it('holds every day of the month once, in order', () => {
    const days = monthGrid('2028-02').flat().filter((c) => c.inMonth).map((c) => c.day);
    expect(days).toHaveLength(29);
    expect(days[0]).toBe('2028-02-01');
    expect(days.at(-1)).toBe('2028-02-29');
  });

  it('needs only four weeks for a February that starts on a Monday', () => {
    expect(monthGrid('2027-02')).toHaveLength(4);
  });

  it('refuses what is not a month', () => {
    expect(() => monthGrid('2026-13')).toThrow(RangeError);
    expect(() => monthGrid('2026-1')).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('moves across year ends both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
  });
});
