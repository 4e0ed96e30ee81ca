import type { Criterion } from '../schemas/recognition-round';
import type { Scorecard } from '../schemas/scorecard';

/**
 * One judge's score of one entry, 1–5: the scores of the category's
 * criteria, each counted `weight` times. Undefined while any criterion has
 * no score (a half-filled scorecard, or a criterion added since), so an
 * incomplete card never passes for a low or a high one. Scores of criteria
 * the category no longer has are ignored.
 */
export function weightedScore(criteria: readonly Pick<Criterion, 'id' | 'weight'>[], scores: readonly Scorecard['scores'][number][]): number | undefined {
  if (criteria.length === 0) return undefined;
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s.score]));
  let sum = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = byCriterion.get(criterion.id);
    if (score === undefined) return undefined;
    sum += score * criterion.weight;
    weights += criterion.weight;
  }
  return sum / weights;
}
