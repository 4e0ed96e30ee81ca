import { describe, expect, it } from 'vitest';
import { weightedScore } from '../../../shared/src/domain/weighted-score';

const criteria = [
  { id: 'lead-time', weight: 5 },
  { id: 'customer-said-so', weight: 3 },
  { id: 'reusable', weight: 2 },
];

describe('weightedScore', () => {
  it('counts each score as many times as its criterion weighs', () => {
    const scores = [
      { criterionId: 'lead-time', score: 5 },
      { criterionId: 'customer-said-so', score: 2 },
      { criterionId: 'reusable', score: 1 },
    ];
    // (5×5 + 2×3 + 1×2) / 10
    expect(weightedScore(criteria, scores)).toBeCloseTo(3.3, 10);
  });

  it('ranks a strong score on a heavy criterion above the same score on a light one', () => {
    const strongOnHeavy = [
      { criterionId: 'lead-time', score: 5 },
      { criterionId: 'customer-said-so', score: 3 },
      { criterionId: 'reusable', score: 1 },
    ];
    const strongOnLight = [
      { criterionId: 'lead-time', score: 1 },
      { criterionId: 'customer-said-so', score: 3 },
      { criterionId: 'reusable', score: 5 },
    ];
    expect(weightedScore(criteria, strongOnHeavy)!).toBeGreaterThan(weightedScore(criteria, strongOnLight)!);
  });

  it('is the plain average when the weights are equal, and stays within 1–5', () => {
    const equal = criteria.map((c) => ({ ...c, weight: 1 }));
    expect(weightedScore(equal, [
      { criterionId: 'lead-time', score: 4 },
      { criterionId: 'customer-said-so', score: 2 },
      { criterionId: 'reusable', score: 3 },
    ])).toBe(3);
    expect(weightedScore(criteria, criteria.map((c) => ({ criterionId: c.id, score: 5 })))).toBe(5);
    expect(weightedScore(criteria, criteria.map((c) => ({ criterionId: c.id, score: 1 })))).toBe(1);
  });

  it('is undefined while any criterion is unscored', () => {
    expect(weightedScore(criteria, [{ criterionId: 'lead-time', score: 5 }, { criterionId: 'reusable', score: 5 }])).toBeUndefined();
    expect(weightedScore(criteria, [])).toBeUndefined();
  });

  it('ignores scores of criteria the category no longer has, whatever their order', () => {
    const scores = [
      { criterionId: 'retired', score: 1 },
      { criterionId: 'reusable', score: 4 },
      { criterionId: 'customer-said-so', score: 4 },
      { criterionId: 'lead-time', score: 4 },
    ];
    expect(weightedScore(criteria, scores)).toBe(4);
  });

  it('is undefined for a category without criteria', () => {
    expect(weightedScore([], [{ criterionId: 'lead-time', score: 5 }])).toBeUndefined();
  });
});
