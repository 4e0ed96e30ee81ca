import { describe, expect, it } from 'vitest';
import { ScorecardSchema, type Scorecard } from '../../../shared/src/schemas/scorecard';

const card = {
  scores: [
    { criterionId: 'lead-time', score: 4 },
    { criterionId: 'customer-said-so', score: 2 },
  ],
  feedback: 'Strong figures. Ask the customer to say it in writing next time.',
  panelNote: 'Same team as last quarter’s winner.',
};

const issues = (value: unknown) => ScorecardSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('ScorecardSchema', () => {
  it('accepts scores of 1 to 5 per criterion with feedback and a panel note', () => {
    const parsed: Scorecard = ScorecardSchema.parse(card);
    expect(parsed).toEqual(card);
  });

  it('refuses scores outside 1–5 or not whole, naming the score', () => {
    expect(issues({ ...card, scores: [{ criterionId: 'lead-time', score: 0 }] })).toEqual(['scores.0.score: must be 1 to 5']);
    expect(issues({ ...card, scores: [{ criterionId: 'lead-time', score: 6 }] })).toEqual(['scores.0.score: must be 1 to 5']);
    expect(ScorecardSchema.safeParse({ ...card, scores: [{ criterionId: 'lead-time', score: 3.5 }] }).success).toBe(false);
  });

  it('refuses two scores for one criterion', () => {
    expect(issues({ ...card, scores: [...card.scores, { criterionId: 'lead-time', score: 1 }] })).toEqual(['scores: must not score a criterion twice']);
  });

  it('takes a blank feedback or note as none, so an empty text area is not feedback', () => {
    const parsed = ScorecardSchema.parse({ ...card, feedback: '  \n ', panelNote: '' });
    expect(parsed.feedback).toBeUndefined();
    expect(parsed.panelNote).toBeUndefined();
  });

  it('keeps feedback as typed text, line endings made "\\n", within 1500 characters', () => {
    expect(ScorecardSchema.parse({ ...card, feedback: 'First.\r\n<b>Second</b>' }).feedback).toBe('First.\n<b>Second</b>');
    expect(issues({ ...card, feedback: 'f'.repeat(1501) })).toEqual(['feedback: must be at most 1500 characters']);
    expect(issues({ ...card, panelNote: 'n'.repeat(1001) })).toEqual(['panelNote: must be at most 1000 characters']);
  });

  it('refuses a judge’s name or anything else besides scores, feedback and note', () => {
    expect(issues({ ...card, judge: 'Ana' })).toHaveLength(1);
    expect(issues({ ...card, scores: [{ criterionId: 'lead-time', score: 3, weight: 10 }] })).toHaveLength(1);
  });
});
