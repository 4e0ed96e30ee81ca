import { describe, expect, it } from 'vitest';
import { roundPhase } from '../../../shared/src/domain/round-phase';

const round = { submissionOpens: '2027-01-04', submissionCloses: '2027-02-26', judgingEnds: '2027-03-12', announceOn: '2027-03-15' };
const published = '2027-03-12T16:00:00.000Z';

describe('roundPhase', () => {
  it('takes entries from the opening day through the closing day, both included', () => {
    expect(roundPhase(round, '2027-01-03', null)).toBe('upcoming');
    expect(roundPhase(round, '2027-01-04', null)).toBe('open');
    expect(roundPhase(round, '2027-02-26', null)).toBe('open');
    expect(roundPhase(round, '2027-02-27', null)).toBe('judging');
  });

  it('is judged through the last judging day, then waits for the announcement', () => {
    expect(roundPhase(round, '2027-03-12', null)).toBe('judging');
    expect(roundPhase(round, '2027-03-13', null)).toBe('awaiting_announcement');
    expect(roundPhase(round, '2027-03-14', null)).toBe('awaiting_announcement');
  });

  it('is announced from the announcement day once the results are published', () => {
    expect(roundPhase(round, '2027-03-14', published)).toBe('awaiting_announcement');
    expect(roundPhase(round, '2027-03-15', published)).toBe('announced');
    expect(roundPhase(round, '2028-01-01', published)).toBe('announced');
  });

  it('is not announced on the announcement day while the results are not published', () => {
    expect(roundPhase(round, '2027-03-15', null)).toBe('awaiting_announcement');
    expect(roundPhase(round, '2027-04-30', null)).toBe('awaiting_announcement');
  });

  it('stops judging when the results are published early', () => {
    expect(roundPhase(round, '2027-03-01', published)).toBe('awaiting_announcement');
  });

  it('handles phases that share one day', () => {
    const oneDay = { submissionOpens: '2027-05-03', submissionCloses: '2027-05-03', judgingEnds: '2027-05-03', announceOn: '2027-05-03' };
    expect(roundPhase(oneDay, '2027-05-02', null)).toBe('upcoming');
    expect(roundPhase(oneDay, '2027-05-03', null)).toBe('open');
    expect(roundPhase(oneDay, '2027-05-04', null)).toBe('awaiting_announcement');
    expect(roundPhase(oneDay, '2027-05-04', published)).toBe('announced');
    const judgedOnAnnouncementDay = { ...round, judgingEnds: '2027-03-15' };
    expect(roundPhase(judgedOnAnnouncementDay, '2027-03-15', null)).toBe('judging');
    expect(roundPhase(judgedOnAnnouncementDay, '2027-03-15', published)).toBe('announced');
  });

  it('compares days across months and years', () => {
    const newYear = { submissionOpens: '2026-12-01', submissionCloses: '2026-12-31', judgingEnds: '2027-01-15', announceOn: '2027-02-01' };
    expect(roundPhase(newYear, '2026-12-31', null)).toBe('open');
    expect(roundPhase(newYear, '2027-01-01', null)).toBe('judging');
    expect(roundPhase(newYear, '2027-02-01', published)).toBe('announced');
  });
});
