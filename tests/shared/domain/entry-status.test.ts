import { describe, expect, it } from 'vitest';
import { entryStatus } from '../../../shared/src/domain/entry-status';
import { roundPhase } from '../../../shared/src/domain/round-phase';

const round = { submissionOpens: '2027-01-04', submissionCloses: '2027-02-26', judgingEnds: '2027-03-12', announceOn: '2027-03-15' };

describe('entryStatus', () => {
  it('is submitted while the round takes entries, in review from its close', () => {
    expect(entryStatus('open', null)).toBe('submitted');
    expect(entryStatus('judging', null)).toBe('in_review');
    expect(entryStatus('awaiting_announcement', null)).toBe('in_review');
  });

  it('keeps a published outcome hidden until the announcement day', () => {
    const publishedAt = '2027-03-12T16:00:00.000Z';
    expect(entryStatus(roundPhase(round, '2027-03-14', publishedAt), 'recognized')).toBe('in_review');
    expect(entryStatus(roundPhase(round, '2027-03-14', publishedAt), 'not_this_round')).toBe('in_review');
    expect(entryStatus(roundPhase(round, '2027-03-15', publishedAt), 'recognized')).toBe('recognized');
    expect(entryStatus(roundPhase(round, '2027-03-15', publishedAt), 'not_this_round')).toBe('not_this_round');
  });

  it('stays in review on the announcement day while the results are not published', () => {
    expect(entryStatus(roundPhase(round, '2027-03-15', null), null)).toBe('in_review');
  });

  it('never tells a result that was not set', () => {
    expect(entryStatus('announced', null)).toBe('in_review');
  });
});
