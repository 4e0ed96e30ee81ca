import { describe, expect, it } from 'vitest';
import { actionsForRole } from '../../../shared/src/domain/actions-for-role';

const actions = [
  ...Array.from({ length: 7 }, (_, i) => ({ id: `eng-${i}`, role: 'engineering', text: `Engineering ${i}` })),
  { id: 'legal-1', role: 'legal', text: 'Legal one' },
];

describe('actionsForRole', () => {
  it('gives the role’s actions in order, at most five', () => {
    expect(actionsForRole({ actions }, 'engineering').map((a) => a.id)).toEqual(['eng-0', 'eng-1', 'eng-2', 'eng-3', 'eng-4']);
    expect(actionsForRole({ actions }, 'legal').map((a) => a.id)).toEqual(['legal-1']);
  });

  it('gives nothing for an unknown or unset role', () => {
    expect(actionsForRole({ actions }, 'pilots')).toEqual([]);
    expect(actionsForRole({ actions }, undefined)).toEqual([]);
  });
});
