import type { ApiIssue } from '../schemas/api-error';
import type { Category } from '../schemas/recognition-round';
import type { Scorecard } from '../schemas/scorecard';

/**
 * What is wrong with a scorecard for an entry of `category`: a score for
 * every criterion of the category, and none for a criterion it does not
 * have. Each unknown criterion is named where it was sent
 * (`scores.2.criterionId`), the missing ones together under `scores`, so a
 * judge sees at once what to add. Empty when the card is complete.
 */
export function checkScorecard(category: Pick<Category, 'name' | 'criteria'>, scores: Scorecard['scores']): ApiIssue[] {
  const known = new Set(category.criteria.map((criterion) => criterion.id));
  const scored = new Set(scores.map((score) => score.criterionId));
  const issues: ApiIssue[] = scores.flatMap(({ criterionId }, i) =>
    known.has(criterionId) ? [] : [{ path: `scores.${i}.criterionId`, message: `"${criterionId}" is not a criterion of "${category.name}"` }],
  );
  const missing = category.criteria.filter((criterion) => !scored.has(criterion.id));
  if (missing.length > 0) {
    issues.push({ path: 'scores', message: `must score every criterion of "${category.name}"; missing ${missing.map((c) => `"${c.id}" (${c.name})`).join(', ')}` });
  }
  return issues;
}
