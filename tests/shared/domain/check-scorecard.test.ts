import { describe, expect, it } from 'vitest';
import { checkScorecard } from '../../../shared/src/domain/check-scorecard';

const category = {
  name: 'Faster for the customer',
  criteria: [
    { id: 'less-waiting', name: 'How much less the customer waits', guidance: 'g', evidence: 'e', kind: 'outcome' as const, weight: 5 },
    { id: 'reusable-method', name: 'A method other teams can reuse', guidance: 'g', evidence: 'e', kind: 'method' as const, weight: 3 },
  ],
};

describe('checkScorecard', () => {
  it('accepts a score for every criterion, in any order', () => {
    expect(checkScorecard(category, [{ criterionId: 'reusable-method', score: 1 }, { criterionId: 'less-waiting', score: 5 }])).toEqual([]);
  });

  it('names the missing criteria together, by id and name', () => {
    expect(checkScorecard(category, [{ criterionId: 'less-waiting', score: 4 }])).toEqual([
      { path: 'scores', message: 'must score every criterion of "Faster for the customer"; missing "reusable-method" (A method other teams can reuse)' },
    ]);
    expect(checkScorecard(category, [])[0]!.message).toContain('"less-waiting" (How much less the customer waits), "reusable-method"');
  });

  it('names each unknown criterion where it was sent, and still the missing ones', () => {
    expect(checkScorecard(category, [{ criterionId: 'less-waiting', score: 4 }, { criterionId: 'usage', score: 5 }])).toEqual([
      { path: 'scores.1.criterionId', message: '"usage" is not a criterion of "Faster for the customer"' },
      { path: 'scores', message: 'must score every criterion of "Faster for the customer"; missing "reusable-method" (A method other teams can reuse)' },
    ]);
  });
});
