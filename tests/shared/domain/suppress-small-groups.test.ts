import { describe, expect, it } from 'vitest';
import { suppressSmallGroups } from '../../../shared/src/domain/suppress-small-groups';

describe('suppressSmallGroups', () => {
  const groups = [
    { name: 'k-1', size: 4 },
    { name: 'k', size: 5 },
    { name: 'k+1', size: 6 },
    { name: 'none', size: 0 },
  ];

  it('shows groups of at least k, folds the rest (k = 5)', () => {
    const { shown, folded } = suppressSmallGroups(groups, 5, (g) => g.size);
    expect(shown.map((g) => g.name)).toEqual(['k', 'k+1']);
    expect(folded.map((g) => g.name)).toEqual(['k-1', 'none']);
  });

  it('with k = 1 hides only empty groups', () => {
    const { shown, folded } = suppressSmallGroups(groups, 1, (g) => g.size);
    expect(folded.map((g) => g.name)).toEqual(['none']);
    expect(shown).toHaveLength(3);
  });
});
