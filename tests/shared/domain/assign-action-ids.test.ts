import { describe, expect, it } from 'vitest';
import { assignActionIds } from '../../../shared/src/domain/assign-action-ids';

describe('assignActionIds', () => {
  it('keeps the role’s own ids, makes new unique ones, and names ids it cannot keep', () => {
    const result = assignActionIds('legal', [{ id: 'legal-a', text: 'Kept' }, { text: 'Call a customer' }, { id: 'it-x', text: 'Stolen' }, { id: 'legal-a', text: 'Twice' }], {
      own: new Set(['legal-a']),
      taken: new Set(['legal-a', 'it-x', 'legal-call-a-customer']),
    });
    expect(result.actions.map((a) => a.id)).toEqual(['legal-a', 'legal-call-a-customer-2', 'it-x', 'legal-a']);
    expect(result.issues).toEqual([
      { path: 'actions.2.id', message: '"it-x" is not one of this role\'s actions' },
      { path: 'actions.3.id', message: '"legal-a" is listed twice' },
    ]);
  });
});
