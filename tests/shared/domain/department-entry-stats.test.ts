import { describe, expect, it } from 'vitest';
import { departmentEntryStats } from '../../../shared/src/domain/department-entry-stats';

const names = new Map([
  ['support', 'Customer Support'],
  ['engineering', 'Engineering'],
  ['manufacturing', 'Manufacturing'],
  ['legal', 'Legal'],
  ['safety', 'Product Safety'],
]);

describe('departmentEntryStats', () => {
  it('names departments with at least k entries, by name (never by count), and folds the small ones into "other"', () => {
    const stats = departmentEntryStats(
      [
        { department: 'support', entries: 9, winners: 2 },
        { department: 'engineering', entries: 5, winners: 0 },
        { department: 'legal', entries: 3, winners: 1 },
        { department: 'safety', entries: 2, winners: 0 },
      ],
      names,
      5,
      true,
    );
    expect(stats).toEqual({
      withheld: false,
      total: { entries: 19, winners: 3 },
      departments: [
        { department: 'support', name: 'Customer Support', entries: 9, winners: 2 },
        { department: 'engineering', name: 'Engineering', entries: 5, winners: 0 },
      ],
      other: { departments: 2, entries: 5, winners: 1 },
    });
  });

  it('folds the smallest named department too when "other" would be one department, or fewer than k entries', () => {
    const stats = departmentEntryStats(
      [
        { department: 'support', entries: 9, winners: 1 },
        { department: 'engineering', entries: 6, winners: 1 },
        { department: 'legal', entries: 4, winners: 1 },
      ],
      names,
      5,
      true,
    );
    expect(stats.departments.map((d) => d.department)).toEqual(['support']);
    expect(stats.other).toEqual({ departments: 2, entries: 10, winners: 2 });
    // total minus the named departments gives "other", never one small department.
    expect(stats.total).toEqual({ entries: 19, winners: 3 });
  });

  it('shows no figure at all when even every entry together is fewer than k', () => {
    expect(departmentEntryStats([{ department: 'support', entries: 2, winners: 1 }, { department: 'legal', entries: 2, winners: 0 }], names, 5, true)).toEqual({
      withheld: true,
      total: null,
      departments: [],
      other: null,
    });
  });

  it('keeps winners null until the round is announced', () => {
    const stats = departmentEntryStats([{ department: 'support', entries: 5, winners: 2 }], names, 5, false);
    expect(stats.total).toEqual({ entries: 5, winners: null });
    expect(stats.departments).toEqual([{ department: 'support', name: 'Customer Support', entries: 5, winners: null }]);
  });

  it('answers an empty round as nothing to show, not as withheld; a department no longer known is shown by its id', () => {
    expect(departmentEntryStats([], names, 5, true)).toEqual({ withheld: false, total: { entries: 0, winners: 0 }, departments: [], other: null });
    expect(departmentEntryStats([{ department: 'field-ops', entries: 5, winners: 0 }], names, 5, true).departments[0]!.name).toBe('field-ops');
  });
});
